/**
 * The layers of src/ import only downward: runtime (the files copied into the output, which import
 * only each other) ← core ← notation ← parse ← model ← emit ← parallel ←
 * the top level (cli, index, commands, run, write, incremental, config, job, graph, …). Imports are
 * read with the TypeScript compiler's parser: static imports and re-exports (type-only ones too),
 * `import()` calls and `import('…')` types.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

/** The layers, lowest first: a file may import its own layer's files and those of the layers before it. */
const LAYERS = ['runtime', 'core', 'notation', 'parse', 'model', 'emit', 'parallel', '(top level)'] as const;

/** The layer of a file (path relative to src/, POSIX), or null for a folder no layer names. */
function layerOf(file: string): number | null {
  const parts = file.split('/');
  if (parts.length === 1) return LAYERS.length - 1;
  const index = LAYERS.indexOf(parts[0] as (typeof LAYERS)[number]);
  return index === -1 ? null : index;
}

/** The module specifiers a source text imports, with their lines. */
function importsOf(fileName: string, text: string): { specifier: string; line: number }[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: { specifier: string; line: number }[] = [];
  const add = (node: ts.Node, specifier: ts.Node | undefined): void => {
    if (specifier && ts.isStringLiteralLike(specifier))
      found.push({ specifier: specifier.text, line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1 });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) add(node, node.moduleSpecifier);
    else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) add(node, node.arguments[0]);
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) add(node, node.argument.literal);
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) add(node, node.moduleReference.expression);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/**
 * Every import of a file of src/ that reaches a higher layer (or a folder no layer names).
 *
 * @param files source text by path relative to src/ (POSIX)
 * @returns one line per problem: `parse/files.ts:9 imports model/build.ts (parse → model)`
 */
function upwardImports(files: Readonly<Record<string, string>>): string[] {
  const problems: string[] = [];
  for (const [file, text] of Object.entries(files)) {
    const from = layerOf(file);
    if (from === null) {
      problems.push(`${file}: src/${file.split('/')[0]}/ is in no layer (add it to LAYERS)`);
      continue;
    }
    for (const { specifier, line } of importsOf(file, text)) {
      if (!specifier.startsWith('.')) continue;
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier)).replace(/\.js$/, '.ts');
      const to = layerOf(target);
      if (to === null || to > from) problems.push(`${file}:${line} imports ${target} (${LAYERS[from]} → ${to === null ? 'no layer' : LAYERS[to]})`);
    }
  }
  return problems;
}

/** Every TypeScript file under src/, by path relative to src/ (POSIX). */
function sources(): Record<string, string> {
  const src = path.join(ROOT, 'src');
  const files: Record<string, string> = {};
  for (const entry of fs.readdirSync(src, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
    const full = path.join(entry.parentPath, entry.name);
    files[path.relative(src, full).split(path.sep).join('/')] = fs.readFileSync(full, 'utf8');
  }
  return files;
}

describe('layers', () => {
  it('every import in src/ goes to the same layer or a lower one', () => {
    const files = sources();
    expect(Object.keys(files).length).toBeGreaterThan(40);
    expect(upwardImports(files)).toEqual([]);
  });

  it('finds upward imports of every form, and lets downward ones pass', () => {
    const problems = upwardImports({
      'parse/files.ts': ["import type { DocSource } from '../model/build.js';", "import { Diagnostic } from '../core/diagnostics.js';"].join('\n'),
      'emit/index.ts': "export { TARGET_NAMES } from '../job.js';",
      'model/x.ts': "const later = () => import('../parallel/helpers.js');",
      'notation/y.ts': "let h: import('../emit/index.js').EmitOptions;",
      'core/z.ts': "import { a } from './options.js';\nimport fs from 'node:fs';",
      'cli.ts': "import { irCommand } from './commands.js';\nimport { parseDoc } from './parse/doc.js';",
      'mystery/a.ts': '',
    });
    expect(problems).toEqual([
      'parse/files.ts:1 imports model/build.ts (parse → model)',
      'emit/index.ts:1 imports job.ts (emit → (top level))',
      'model/x.ts:1 imports parallel/helpers.ts (model → parallel)',
      'notation/y.ts:1 imports emit/index.ts (notation → emit)',
      'mystery/a.ts: src/mystery/ is in no layer (add it to LAYERS)',
    ]);
  });
});
