/**
 * The generated TypeScript files as ts-morph structures, and their printing by ts-morph.
 *
 * The emitters (`./model.ts`, `./zod.ts`) build ts-morph's own structures
 * (`InterfaceDeclarationStructure`, `FunctionDeclarationStructure`, … in a `SourceFileStructure`;
 * function bodies are statement text printed from the code builder's tree, `./builder.ts`). They
 * are plain data: they are hashed for the manifest's format keys (an unchanged file is neither
 * printed nor formatted again, see `./format.ts`) and handed to helper threads as they are. Only
 * printing loads ts-morph (and the TypeScript compiler it wraps, most of a second): lazily, in the
 * thread that prints.
 *
 * @module
 */

import { createRequire } from 'node:module';
import type {
  EnumDeclarationStructure,
  ExportDeclarationStructure,
  FunctionDeclarationStructure,
  ImportDeclarationStructure,
  InterfaceDeclarationStructure,
  JSDocStructure,
  OptionalKind,
  PropertySignatureStructure,
  SourceFileStructure,
  StatementStructures,
  StructureKind,
  TypeAliasDeclarationStructure,
  VariableDeclarationKind,
  VariableStatementStructure,
} from 'ts-morph';

/**
 * The values of ts-morph's `StructureKind` the emitters write, known without loading ts-morph
 * (its enum is a runtime object of the module; `test/emit.test.ts` holds these equal to it).
 */
export const Kind = {
  Enum: 8 as StructureKind.Enum,
  ExportDeclaration: 11 as StructureKind.ExportDeclaration,
  Function: 13 as StructureKind.Function,
  ImportDeclaration: 16 as StructureKind.ImportDeclaration,
  Interface: 19 as StructureKind.Interface,
  SourceFile: 36 as StructureKind.SourceFile,
  TypeAlias: 38 as StructureKind.TypeAlias,
  VariableStatement: 41 as StructureKind.VariableStatement,
} as const;

/** ts-morph's `VariableDeclarationKind.Const` (likewise). */
export const CONST = 'const' as VariableDeclarationKind.Const;

/** A JSDoc comment's structure. */
export type JSDoc = OptionalKind<JSDocStructure>;
export type ImportDeclaration = ImportDeclarationStructure;
export type ExportDeclaration = ExportDeclarationStructure;
export type PropertySignature = OptionalKind<PropertySignatureStructure>;
export type InterfaceDeclaration = InterfaceDeclarationStructure;
export type TypeAliasDeclaration = TypeAliasDeclarationStructure;
export type EnumDeclaration = EnumDeclarationStructure;
export type FunctionDeclaration = FunctionDeclarationStructure;
export type VariableStatement = VariableStatementStructure;

/** A statement of a file: a structure, or statement text written as it is. */
export type Statement = StatementStructures | string;

/** A generated file's structure. */
export type SourceFile = SourceFileStructure;

/**
 * A file's statements as a source file structure, with an empty line between statements (ts-morph
 * writes one after blocks, such as an interface or a function, but not after an import, a type
 * alias or a variable): imports one a line, re-exports one a line, each other statement after an
 * empty line.
 */
export function sourceFile(statements: readonly Statement[]): SourceFile {
  const out: Statement[] = [];
  let previous: Statement | undefined;
  for (const s of statements) {
    if (previous !== undefined && !(kindOf(previous) === kindOf(s) && LISTED.has(kindOf(s))) && !endsWithBlankLine(previous)) out.push('\n');
    out.push(s);
    previous = s;
  }
  return { kind: Kind.SourceFile, statements: out };
}

const kindOf = (s: Statement): StructureKind | undefined => (typeof s === 'string' ? undefined : s.kind);

/** Statements written one a line when they follow each other: imports, re-exports. */
const LISTED = new Set<StructureKind | undefined>([Kind.ImportDeclaration, Kind.ExportDeclaration]);

/** `export * from "module";`, or `export { names } from "module";` (`export type { … }` with `typeOnly`). */
export function reexport(moduleSpecifier: string, names?: string[], typeOnly = false): ExportDeclaration {
  const out: ExportDeclaration = { kind: Kind.ExportDeclaration, moduleSpecifier };
  if (names !== undefined) out.namedExports = names;
  if (typeOnly) out.isTypeOnly = true;
  return out;
}

/** True for the statements ts-morph follows with an empty line itself. */
const endsWithBlankLine = (s: Statement): boolean => typeof s !== 'string' && (s.kind === Kind.Interface || s.kind === Kind.Enum || s.kind === Kind.Function);

/**
 * A generated file before printing: plain text (the runtime copies, the index files), or a banner
 * (comment lines) and a structure that ts-morph prints. Plain data, cloneable to helper threads.
 */
export type FileSource = { text: string } | { banner: string; structure: SourceFile };

/** The version of the ts-morph that prints the structures (read from its package.json, not loaded). */
let tsMorphVersionCache: string | undefined;
export function tsMorphVersion(): string {
  if (tsMorphVersionCache === undefined) {
    const require = createRequire(import.meta.url);
    tsMorphVersionCache = (require('ts-morph/package.json') as { version: string }).version;
  }
  return tsMorphVersionCache;
}

/**
 * What a file's text is made from, as one string for its format key: the text itself (the key of a
 * text file is the one it had before ts-morph printed the others), or the ts-morph version, the
 * banner and the structure (the same structure prints the same text).
 */
export function sourceIdentity(source: FileSource): string {
  return 'text' in source ? source.text : `ts-morph ${tsMorphVersion()}\n${source.banner}\n${JSON.stringify(source.structure)}`;
}

/**
 * Prints structures to text with ts-morph's `printStructure`: the text `createSourceFile` in a
 * project would hold (the same printer), without parsing it into a syntax tree and without a
 * project to keep (measured on three corpus trees: the same text for every file, 3 to 5 times
 * faster, about 0.25 ms a file).
 */
export class Printer {
  private constructor(private readonly printer: (structure: SourceFile) => string) {}

  /** Load ts-morph (the first call in a thread: most of a second, the TypeScript compiler it wraps) and make a printer. */
  static async load(): Promise<Printer> {
    const { printStructure } = await import('ts-morph');
    return new Printer((structure) => printStructure(structure));
  }

  /** A file's text: the banner, an empty line, and the structure as ts-morph prints it. */
  print(source: FileSource): string {
    return 'text' in source ? source.text : `${source.banner}\n\n${this.printStructure(source.structure)}`;
  }

  /** A structure's text as ts-morph prints it. */
  printStructure(structure: SourceFile): string {
    return this.printer(structure);
  }
}

let printer: Promise<Printer> | undefined;

/** This thread's printer, loaded on first use. */
export function loadPrinter(): Promise<Printer> {
  printer ??= Printer.load();
  return printer;
}

/** Print a file with this thread's printer (loading ts-morph only for a structure). */
export async function printSource(source: FileSource): Promise<string> {
  return 'text' in source ? source.text : (await loadPrinter()).print(source);
}
