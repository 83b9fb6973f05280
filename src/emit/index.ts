/**
 * The emit stage: IR → output files in memory (name → text), formatted with prettier.
 *
 * @module
 */

import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type * as prettier from 'prettier';
import { Project } from 'ts-morph';
import type { IR } from '../model/ir.js';
import { formatAll } from './format.js';
import { modelFile } from './model.js';
import { RUNTIME_FILE, RUNTIME_SOURCE } from './runtime.js';

/** Options of {@link emit}. */
export interface EmitOptions {
  /** Banner template text; `{{sources}}` is replaced by the docs a file came from. Default: `templates/banner.txt`. */
  banner?: string;
  /** Prettier options merged over docs2ts's defaults (`printWidth: 100`). */
  prettier?: prettier.Options;
}

/** The default banner template shipped in `templates/banner.txt`. */
export function defaultBanner(): string {
  return fs.readFileSync(fileURLToPath(new URL('../../templates/banner.txt', import.meta.url)), 'utf8');
}

/**
 * Output file names, one per model: the tsName in kebab case (`TaskStatus` → `task-status.ts`),
 * unique without regard to case (so case-insensitive file systems are safe), never `index.ts` or
 * the runtime file.
 *
 * @returns file name by model id
 */
export function fileNames(ir: IR): Map<string, string> {
  const taken = new Set(['index', RUNTIME_FILE.replace(/\.ts$/, '')]);
  const names = new Map<string, string>();
  for (const model of ir.models) {
    const base =
      model.tsName
        .replace(/([\p{Ll}\p{N}])(\p{Lu})/gu, '$1-$2')
        .replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, '$1-$2')
        .toLowerCase()
        .replace(/[^\p{L}\p{N}_-]+/gu, '-') || 'model';
    let name = base;
    for (let n = 2; taken.has(name); n++) name = `${base}-${n}`;
    taken.add(name);
    names.set(model.id, `${name}.ts`);
  }
  return names;
}

/** Render the banner template as `//` comment lines for a file generated from `sources`. */
export function renderBanner(template: string, sources: string): string {
  // Every ECMAScript line terminator would end a `//` comment: none may reach a banner line.
  const text = template.replace(/\{\{\s*sources\s*\}\}/g, sources.replace(/[\r\n\u2028\u2029]+/g, ' ')).trimEnd();
  return text
    .split(/\r\n?|[\n\u2028\u2029]/)
    .map((line) => (line === '' ? '//' : `// ${line}`))
    .join('\n');
}

/**
 * Generate every output file from the IR: one file per model, `_runtime.ts`, and `index.ts`
 * re-exporting everything. Relative imports end in `.js` (for `--module nodenext`).
 *
 * @param ir the IR (its diagnostics are not looked at: the caller stops on errors first)
 * @returns file name → formatted text, sorted by name
 * @throws {Error} if prettier cannot parse a generated file (a bug in docs2ts)
 */
export async function emit(ir: IR, options: EmitOptions = {}): Promise<Map<string, string>> {
  const template = options.banner ?? defaultBanner();
  const names = fileNames(ir);
  const runtimeImport = `./${RUNTIME_FILE.replace(/\.ts$/, '.js')}`;
  const project = new Project({ useInMemoryFileSystem: true, skipLoadingLibFiles: true });
  const raw = new Map<string, string>();
  const byId = new Map(ir.models.map((m) => [m.id, m]));
  for (const model of ir.models) {
    const name = names.get(model.id)!;
    const file = project.createSourceFile(name, modelFile(model, byId, (id) => names.get(id)!, runtimeImport), { overwrite: true });
    raw.set(name, `${renderBanner(template, `\`${model.file}\``)}\n\n${file.getFullText()}`);
  }
  const sources = ir.models.length === 0 ? 'no docs' : `${ir.models.length} docs`;
  raw.set(RUNTIME_FILE, `${renderBanner(template, sources)}\n\n${RUNTIME_SOURCE}`);
  const exports = [...names.values()].sort().map((n) => `export * from "./${n.replace(/\.ts$/, '.js')}";`);
  // Only the runtime's public API: its helpers (isDate, isObject, ...) could clash with a model's isX.
  exports.push(`export { ValidationFailedError } from "${runtimeImport}";`);
  exports.push(`export type { ValidationError, ValidationResult } from "${runtimeImport}";`);
  raw.set('index.ts', `${renderBanner(template, sources)}\n\n${exports.join('\n')}\n`);

  const formatted = await formatAll(raw, { printWidth: 100, ...options.prettier });
  return new Map([...formatted].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
