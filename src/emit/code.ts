/**
 * Declaration structures of a generated file and their printing to TypeScript text. The shapes
 * follow ts-morph's structures (`InterfaceDeclarationStructure`, `FunctionDeclarationStructure`, …:
 * the same field names), without loading ts-morph and the TypeScript compiler it wraps (about a
 * third of a second a run) to print them. Function bodies are statement text printed from the code
 * builder's tree (`./builder.ts`). Prettier formats the text afterwards (`./format.ts`), so it only
 * has to be valid TypeScript.
 *
 * @module
 */

/** A JSDoc comment: a description (Markdown, made safe by `docText`) and tags without text or with one line. */
export interface JSDoc {
  description: string;
  tags?: { tagName: string; text?: string }[];
}

export interface ImportDeclaration {
  kind: 'import';
  moduleSpecifier: string;
  namespaceImport?: string;
  namedImports?: { name: string; isTypeOnly?: boolean }[];
}

export interface PropertySignature {
  /** The key as written in TypeScript (quoted when not an identifier). */
  name: string;
  hasQuestionToken?: boolean;
  type: string;
  docs?: JSDoc[];
}

export interface InterfaceDeclaration {
  kind: 'interface';
  name: string;
  isExported?: boolean;
  docs?: JSDoc[];
  properties?: PropertySignature[];
  indexSignatures?: { keyName: string; keyType: string; returnType: string }[];
}

export interface TypeAliasDeclaration {
  kind: 'typeAlias';
  name: string;
  isExported?: boolean;
  docs?: JSDoc[];
  type: string;
}

export interface EnumDeclaration {
  kind: 'enum';
  name: string;
  isExported?: boolean;
  docs?: JSDoc[];
  members: { name: string; value: string | number; docs?: JSDoc[] }[];
}

export interface FunctionDeclaration {
  kind: 'function';
  name: string;
  isExported?: boolean;
  docs?: JSDoc[];
  parameters: { name: string; type: string }[];
  returnType: string;
  /** Statements, as text. */
  statements: string | string[];
}

export interface VariableStatement {
  kind: 'variable';
  declarationKind: 'const' | 'let';
  isExported?: boolean;
  docs?: JSDoc[];
  declarations: { name: string; type?: string; initializer: string }[];
}

/** A statement of a file: a structure, or statement text written as it is. */
export type Statement = ImportDeclaration | InterfaceDeclaration | TypeAliasDeclaration | EnumDeclaration | FunctionDeclaration | VariableStatement | string;

/** A generated file's statements. */
export interface SourceFile {
  statements: Statement[];
}

/**
 * A JSDoc comment's text: `/** text *\/` for one line without tags, else one line of the
 * description or a tag a line, each after ` * `.
 */
export function printJSDoc(doc: JSDoc): string {
  const lines = doc.description === '' ? [] : doc.description.split('\n');
  for (const tag of doc.tags ?? []) lines.push(tag.text === undefined ? `@${tag.tagName}` : `@${tag.tagName} ${tag.text}`);
  if (lines.length === 1 && !(doc.tags ?? []).length) return `/** ${lines[0]} */`;
  return `/**\n${lines.map((l) => (l === '' ? ' *' : ` * ${l}`)).join('\n')}\n */`;
}

function docsText(docs: readonly JSDoc[] | undefined): string {
  return (docs ?? []).map((d) => `${printJSDoc(d)}\n`).join('');
}

const exported = (s: { isExported?: boolean }): string => (s.isExported ? 'export ' : '');

/** One statement as TypeScript text (its JSDoc first). */
export function printStatementText(s: Statement): string {
  if (typeof s === 'string') return s;
  switch (s.kind) {
    case 'import': {
      const what =
        s.namespaceImport !== undefined
          ? `* as ${s.namespaceImport}`
          : `{ ${(s.namedImports ?? []).map((n) => `${n.isTypeOnly ? 'type ' : ''}${n.name}`).join(', ')} }`;
      return `import ${what} from ${JSON.stringify(s.moduleSpecifier)};`;
    }
    case 'interface': {
      // Index signatures first, as ts-morph wrote them.
      const members = [
        ...(s.indexSignatures ?? []).map((i) => `[${i.keyName}: ${i.keyType}]: ${i.returnType};`),
        ...(s.properties ?? []).map((p) => `${docsText(p.docs)}${p.name}${p.hasQuestionToken ? '?' : ''}: ${p.type};`),
      ];
      return `${docsText(s.docs)}${exported(s)}interface ${s.name} {\n${members.join('\n')}\n}`;
    }
    case 'typeAlias':
      return `${docsText(s.docs)}${exported(s)}type ${s.name} = ${s.type};`;
    case 'enum': {
      const members = s.members.map((m) => `${docsText(m.docs)}${m.name} = ${JSON.stringify(m.value)},`);
      return `${docsText(s.docs)}${exported(s)}enum ${s.name} {\n${members.join('\n')}\n}`;
    }
    case 'function': {
      const params = s.parameters.map((p) => `${p.name}: ${p.type}`).join(', ');
      const body = typeof s.statements === 'string' ? s.statements : s.statements.join('\n');
      return `${docsText(s.docs)}${exported(s)}function ${s.name}(${params}): ${s.returnType} {\n${body}\n}`;
    }
    case 'variable': {
      const declarations = s.declarations.map((d) => `${d.name}${d.type ? `: ${d.type}` : ''} = ${d.initializer}`).join(', ');
      return `${docsText(s.docs)}${exported(s)}${s.declarationKind} ${declarations};`;
    }
  }
}

/** A file's text: imports one a line, then the other statements with an empty line between them. */
export function printSourceFile(file: SourceFile): string {
  let out = '';
  let previous: Statement | null = null;
  for (const s of file.statements) {
    if (previous !== null) out += typeof previous !== 'string' && previous.kind === 'import' && typeof s !== 'string' && s.kind === 'import' ? '\n' : '\n\n';
    out += printStatementText(s);
    previous = s;
  }
  return `${out}\n`;
}
