/**
 * The layout printer (src/emit/layout) against prettier itself: what it prints must be exactly
 * what `prettier.format` prints, on every corpus tree and option set, on random expressions of the
 * subset, on tricky literals and widths; what it cannot vouch for goes to prettier.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import * as prettier from 'prettier';
import { describe, expect, it } from 'vitest';
import { emit, type EmitOptions } from '../src/emit/index.js';
import { formatAll, formatFiles } from '../src/emit/format.js';
import { canLayout, joinLayout, layout } from '../src/emit/layout/index.js';
import { layoutJson } from '../src/emit/layout/json.js';
import { buildModel } from '../src/model/build.js';
import { folderDocSource } from '../src/parse/files.js';
import { HAS_SHARED, SHARED } from './helpers.js';

const PRETTIER = { printWidth: 100, parser: 'babel-ts' } as const;

/** The layout of a text with prettier filling in what it leaves, as `formatFiles` does. */
async function laidOut(text: string, printWidth = 100): Promise<{ text: string; fallbacks: number }> {
  const l = layout(text, printWidth);
  if (l === null) return { text: await prettier.format(text, { ...PRETTIER, printWidth }), fallbacks: -1 };
  let fallbacks = 0;
  const parts: string[] = [];
  for (let i = 0; i < l.printed.length; i++) {
    if (l.printed[i] !== null) parts.push(l.printed[i]!);
    else {
      fallbacks++;
      parts.push((await prettier.format(l.sources[i]!, { ...PRETTIER, printWidth })).replace(/\n$/, ''));
    }
  }
  return { text: joinLayout(parts, l.blankBefore), fallbacks };
}

describe('layout printer: literals and widths', () => {
  it('prints string literals as prettier does (quote choice, escapes), for any string', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: fc.constantFrom('a', '"', "'", '\\', '\n', 'é', '漢', '\u2028', '`', '$', ' ') }), async (s) => {
        const text = `f(${JSON.stringify(s)}, 'it\\'s', "\\d");\n`;
        expect((await laidOut(text)).text).toBe(await prettier.format(text, PRETTIER));
      }),
      { numRuns: 300 },
    );
  });

  it('prints number literals as prettier does', async () => {
    for (const n of ['1e+21', '1E5', '1.50', '.5', '0.0', '5.', '0xAB', '1e-7', '-0', '123456789012345678901234567890', '1_000', '10n']) {
      const text = `f(${n});\n`;
      expect((await laidOut(text)).text, n).toBe(await prettier.format(text, PRETTIER));
    }
  });

  it('keeps one-line statements, signatures and `if (…) {` headers flat exactly while they fit, at every length around the width', async () => {
    // Lines of each shape the layout settles without prettier's printer, one column at a time
    // across the print width, at indentations 2 to 8 (blocks, switch cases), with a re-indented
    // comment holding an empty line.
    for (let n = 50; n <= 100; n++) {
      const key = 'k'.repeat(n - 50);
      const text = [
        `/**\n * Doc ${key}\n *   \n * @internal\n */`,
        `export function check${key}(value: unknown, path: string, errors: rt.ValidationError[]): void {`,
        `x = v["${key}"];`,
        `if (x !== undefined && typeof x !== "string" && rt.hasOwn(v, "${key}")) return false;`,
        `if (!(typeof value === "object" && value !== null && k${key}.length > 0)) return false;`,
        `if (x !== undefined && !isTaskType(x) && rt.hasOwn(v, "${key}")) { checkTaskType(x, path + "/${key}", errors); }`,
        `for (let i = 0; i < x.length; i++) { if (!isItem(x[i])) { check${key}(x[i], path + "/" + i, errors); } }`,
        `switch (x) { case "${key}":\n/** A ${key} case\n *\n * more */\nrt.mismatch(errors, path, "${key}", x); break; default: return; }`,
        `return errors.length === 0 && k${key}.length > 0;`,
        `}`,
      ].join('\n');
      const expected = await prettier.format(text, PRETTIER);
      const at100 = await laidOut(text);
      expect(at100.text, String(n)).toBe(expected);
      expect(at100.fallbacks, String(n)).toBe(0);
      expect((await laidOut(text, 80)).text, `${n} at 80`).toBe(await prettier.format(text, { ...PRETTIER, printWidth: 80 }));
    }
  });

  it('leaves code on the line a block comment ends on to prettier (it keeps them together)', async () => {
    for (const text of ['/** A */ f(x);\n', 'function g() {\n  /** A\n   * B */ return 1;\n}\n', 'switch (x) {\n  case 1: /* c */ f(); break;\n}\n', 'if (x) {\n  f();\n  /* c */ }\n']) {
      const result = await laidOut(text);
      expect(result.fallbacks, text).toBe(-1);
      expect(result.text, text).toBe(await prettier.format(text, PRETTIER));
    }
  });

  it('measures wide characters as prettier does (a line of CJK text near the width)', async () => {
    for (let k = 20; k < 60; k += 3) {
      const text = `if (x !== undefined && rt.hasOwn(v, "${'漢'.repeat(k)}")) rt.mismatch(errors, path, "x", x);\n`;
      expect((await laidOut(text)).text, String(k)).toBe(await prettier.format(text, PRETTIER));
    }
  });
});

/** Random expressions of the subset validators are written in. */
const name = fc.stringMatching(/^[a-z][a-zA-Z0-9$_]{0,30}$/).filter((n) => !['in', 'do', 'if', 'as', 'of', 'new', 'for', 'var', 'let', 'try', 'typeof', 'instanceof', 'void', 'delete', 'null', 'true', 'false', 'this', 'return', 'throw', 'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default', 'else', 'enum', 'export', 'extends', 'finally', 'function', 'import', 'super', 'switch', 'while', 'with', 'yield', 'await', 'static', 'implements', 'interface', 'package', 'private', 'protected', 'public'].includes(n));
const { expr } = fc.letrec<{ expr: string; leaf: string }>((tie) => ({
  leaf: fc.oneof(name, fc.string({ maxLength: 40 }).map((s) => JSON.stringify(s)), fc.integer().map(String), fc.constantFrom('null', 'undefined', 'true')),
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    tie('leaf'),
    fc.tuple(name, name).map(([a, b]) => `${a}.${b}`),
    fc.tuple(name, fc.array(tie('expr'), { maxLength: 4 })).map(([f, args]) => `${f}(${args.join(', ')})`),
    fc.tuple(fc.constantFrom('rt', 'Number', 'Array'), name, fc.array(tie('expr'), { maxLength: 3 })).map(([o, f, args]) => `${o}.${f}(${args.join(', ')})`),
    fc.tuple(tie('expr'), fc.constantFrom('&&', '||', '===', '!==', '+', 'in', 'instanceof'), tie('expr')).map(([a, op, b]) => `(${a}) ${op} (${b})`),
    tie('expr').map((a) => `!(${a})`),
    tie('leaf').map((a) => `typeof ${a}`),
    fc.tuple(name, tie('expr')).map(([a, b]) => `${a}[${b}]`),
    fc.tuple(tie('expr'), name).map(([a, t]) => `(${a}) as ${t}`),
  ),
}));

describe('layout printer: random statements against prettier', () => {
  it('prints if/return/call statements exactly as prettier does, or hands them to prettier', async () => {
    let exact = 0;
    await fc.assert(
      fc.asyncProperty(expr, expr, name, expr, async (test, arg, fn, ret) => {
        const text = [
          `function ${fn}(value: unknown, path: string, errors: rt.ValidationError[]): boolean {`,
          `if (${test}) return false;`,
          `if (${test}) { ${fn}(${arg}, path + "/x", errors); } else if (${arg}) rt.mismatch(errors, path, "x", ${arg}); else { return ${ret}; }`,
          `for (const key in v) { const x = v[key]; if (${test} && rt.hasOwn(v, key)) { rt.mismatch(errors, path + "/" + rt.pointer(key), "string", x); } }`,
          `switch (${arg}) { case "a": case "b": return ${ret}; default: if (!${fn}(x)) rt.missing(errors, path, "x"); else return ${test}; }`,
          `throw new rt.ValidationFailedError(${arg}, errors);`,
          `return ${ret} ? { success: true, value: value as X } : { success: false, errors };`,
          '}',
          '',
        ].join('\n');
        const ours = await laidOut(text);
        if (ours.fallbacks === 0) exact++;
        expect(ours.text).toBe(await prettier.format(text, PRETTIER));
      }),
      { numRuns: Number(process.env.DOCS2TS_LAYOUT_RUNS ?? 400) },
    );
    expect(exact).toBeGreaterThan(50);
  }, 120_000);

  it('prints declarations exactly as prettier does at several widths', async () => {
    const member = fc.tuple(name, fc.boolean(), fc.array(fc.oneof(name, name.map((n) => `${n}[]`), fc.string({ maxLength: 20 }).map((s) => JSON.stringify(s))), { minLength: 1, maxLength: 8 }));
    await fc.assert(
      fc.asyncProperty(name, fc.array(member, { minLength: 1, maxLength: 5 }), fc.array(name, { minLength: 1, maxLength: 6 }), fc.constantFrom(40, 60, 80, 100, 120), async (n, members, imports, width) => {
        const text = [
          '// banner',
          '',
          `import * as rt from "./_runtime.js";`,
          `import { ${imports.map((i, k) => (k === 0 ? `type ${i}` : i)).join(', ')} } from "./${n}.js";`,
          '',
          `/**\n * Doc of ${n}\n *\n * @example x\n */`,
          `export interface ${n} {\n${members.map(([m, opt, types]) => `/** ${m} */\n${m}${opt ? '?' : ''}: ${types.join(' | ')};`).join('\n')}\n}`,
          '',
          `export type ${n}Alias = ${members[0]![2].join(' | ')};`,
          '',
          `export function check${n}(value: unknown, path: string, errors: rt.ValidationError[]): void {\nif (is${n}(value)) return;\n}`,
          '',
        ].join('\n');
        expect((await laidOut(text, width)).text).toBe(await prettier.format(text, { ...PRETTIER, printWidth: width }));
      }),
      { numRuns: Number(process.env.DOCS2TS_LAYOUT_RUNS ?? 300) },
    );
  }, 120_000);
});

describe('layout printer: shapes found by hand (each once printed differently from prettier)', () => {
  const shapes = [
    'export type BitrateSession = { [key: string]: { [key: string]: string } };',
    'export const ThumbnailHlsSchema = CatalystWebhookBetaPipelineExportSchema;',
    'export const KeyCatalystStrategyPipelineTargetSchema = z.enum(["strategy-strategy0", "framerate-recording1"]);',
    'export const E = {\n  BETASTORAGEPLAYBACKHLSBETACATALYST: "segment-multistream50",\n  V: "v",\n} as const;',
    'const X$values = new Set<unknown>(["a-long-value-number-one", "a-long-value-number-two", "three"]);',
    // Fewer UTF-16 units than the width, wider than it (each Hangul syllable is 2 columns).
    'function f(v: Record<string, unknown>): void {\n  let x: unknown;\n  x = v["한국어한국어한국어한국어한국어한국어한국어한국어한국어한국어"];\n}',
  ];
  it.each(shapes)('%s', async (shape) => {
    for (const printWidth of [40, 60, 80, 100]) {
      const text = `${shape}\n`;
      expect((await laidOut(text, printWidth)).text, String(printWidth)).toBe(await prettier.format(text, { ...PRETTIER, printWidth }));
    }
  });
});

describe('formatFiles', () => {
  it('leaves everything to prettier under options it does not mirror, and matches prettier there', async () => {
    expect(canLayout({ printWidth: 80 })).toBe(true);
    expect(canLayout({ printWidth: 100, singleQuote: true })).toBe(false);
    expect(canLayout({ printWidth: 100, plugins: ['x'] })).toBe(false);
    const dir = path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'generated');
    const raw = new Map(fs.readdirSync(dir).filter((f) => f.endsWith('.ts')).map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8').replace(/\n\s+/g, '\n')] as [string, string]));
    for (const options of [{ printWidth: 100, singleQuote: true, semi: false }, { printWidth: 60 }]) {
      const ours = await formatFiles(raw, options);
      const theirs = await formatAll(raw, options);
      for (const [f, text] of theirs) expect(ours.get(f), `${f} ${JSON.stringify(options)}`).toBe(text);
    }
  }, 120_000);

  it('matches prettier at narrow and wide print widths on every target and option (the fixtures)', async () => {
    const ir = buildModel(folderDocSource(path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'fixtures', 'models')), { roots: [] });
    for (const printWidth of [40, 60, 80, 140]) {
      for (const options of [{}, { targets: ['typescript', 'zod', 'json-schema'], enumStyle: 'const', dates: 'Date', nullableOptionals: true, additionalProperties: 'reject' }, { targets: ['zod'], enumStyle: 'union' }] as EmitOptions[]) {
        const files = await emit(ir, { ...options, prettier: { printWidth } });
        for (const [f, text] of files) {
          expect(text, `${f} at ${printWidth} ${JSON.stringify(options)}`).toBe(await prettier.format(text, { printWidth, parser: f.endsWith('.json') ? 'json' : 'babel-ts' }));
        }
      }
    }
  }, 120_000);

  it('lays out JSON as prettier does, and leaves arrays of numbers to it', async () => {
    const value = { a: ['x', 'y'], b: { c: [] as unknown[], d: {} }, e: [{ f: 1, g: 2 }, { f: 3, g: 4 }], h: ['a'.repeat(60), 'b'.repeat(60)], i: null };
    expect(layoutJson(value, 100)).toBe(await prettier.format(JSON.stringify(value, null, 2), { printWidth: 100, parser: 'json' }));
    expect(layoutJson({ enum: [1, 2, 3] }, 100)).toBeNull();
  });
});

/** The option sets the corpus outputs are checked under. */
const OPTION_SETS: [string, EmitOptions][] = [
  ['defaults', {}],
  ['every target and option', { targets: ['typescript', 'json-schema', 'zod'], dates: 'Date', nullableOptionals: true, additionalProperties: 'reject', enumStyle: 'const' }],
  ['union enums', { enumStyle: 'union' }],
];

const TREES = ['livepeer-ruby/docs/models', 'livepeer-js/docs/models', 'livepeer-python/docs/models', 'livepeer-go/docs/models', 'gt-ruby/ruby-client-sdk/docs/models', 'gt-python/python-client-sdk/docs/models', 'gt-typescript/typescript-client-sdk/docs/sdk/models', 'gt-go/go-client-sdk/docs/pkg/models', 'gt-java/java-client-sdk/docs/models', 'gt-csharp/csharp-client-sdk/docs/Models', 'gt-php/php-client-sdk/docs/Models'];

describe.skipIf(!HAS_SHARED)('layout printer on every corpus tree: output is what prettier prints', () => {
  it.each(TREES)('%s', async (tree) => {
    const ir = buildModel(folderDocSource(path.join(SHARED, 'corpus', tree)), { roots: [] });
    // Under the defaults every tree; under the other sets the two largest trees of each family.
    const sets = tree.startsWith('livepeer-ruby') || tree.startsWith('gt-typescript') ? OPTION_SETS : OPTION_SETS.slice(0, 1);
    for (const [label, options] of sets) {
      const files = await emit(ir, options);
      const ts = new Map([...files].filter(([f]) => f.endsWith('.ts')));
      const formatted = await formatAll(ts, { printWidth: 100 }, 150);
      for (const [f, text] of formatted) expect(ts.get(f), `${tree} ${label} ${f}`).toBe(text);
      for (const [f, text] of files) {
        if (f.endsWith('.json')) expect(text, `${tree} ${label} ${f}`).toBe(await prettier.format(text, { printWidth: 100, parser: 'json' }));
      }
    }
  }, 300_000);
});
