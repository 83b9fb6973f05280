/** Shared test helpers: temp folders, in-process CLI runs, type-checking generated output. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { main } from '../src/cli.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** `../shared` beside the project (CI has it); tests that need it skip, saying so, when absent. */
export const SHARED = path.resolve(ROOT, '..', 'shared');
export const HAS_SHARED = fs.existsSync(path.join(SHARED, 'corpus'));
if (!HAS_SHARED) console.warn(`[docs2ts tests] ${SHARED} is absent: the real-tree and shared-case tests are skipped`);

const made: string[] = [];
process.on('exit', () => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

/**
 * A fresh temporary folder, removed when the process exits (one exit listener for all), and with
 * the run's folder (test/global-setup.ts) when vitest stops its workers before they exit.
 */
export function tmpDir(prefix = 'docs2ts-test-'): string {
  const dir = fs.mkdtempSync(path.join(process.env.DOCS2TS_TEST_TMP ?? os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** Write docs (path → text) under a folder. */
export function writeDocs(dir: string, docs: Record<string, string>): void {
  for (const [name, text] of Object.entries(docs)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
}

/** Run the CLI in-process. */
export async function runCli(args: string[], cwd = ROOT): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { cwd, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), color: false });
  return { code, stdout, stderr };
}

/** Every file under a folder (relative path → content). */
export function readTree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  if (!fs.existsSync(dir)) return out;
  const walk = (d: string, rel: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(path.join(d, e.name), r);
      else out.set(r, fs.readFileSync(path.join(d, e.name), 'utf8'));
    }
  };
  walk(dir, '');
  return out;
}

/**
 * The two compilers generated code is checked with: TypeScript 7 (the native compiler, what
 * `npm i typescript` installs since 7.0) and TypeScript 5.9 (the project's own, the one ts-morph
 * wraps, which users on 5.x still run). Both are named by path: both packages link a `tsc` bin.
 */
export const TSC = {
  7: path.join(ROOT, 'node_modules/typescript-7/bin/tsc'),
  5: path.join(ROOT, 'node_modules/typescript/bin/tsc'),
} as const;

/**
 * Type-check the `.ts` files of a folder with `tsc --strict --module nodenext`; returns tsc's output ('' when clean).
 *
 * `typescript` picks the compiler (default 7, about a third of 5.9's time on the corpus trees'
 * 4,800 files; the package tests run 5.9 on the fixtures' output and the package's declarations).
 * `--skipLibCheck` unless `libCheck`: generated output holds no declaration files, so that only
 * skips re-checking TypeScript's own lib files (and zod's), about 1.5 s of every run; every `.ts`
 * file is checked as before. Tests about declaration files (the packed package's) pass `libCheck`.
 */
export function typecheck(
  dir: string,
  only?: string[],
  { libCheck = false, typescript = 7 }: { libCheck?: boolean; typescript?: keyof typeof TSC } = {},
): string {
  const files = (only ?? fs.readdirSync(dir).filter((f) => f.endsWith('.ts'))).map((f) => path.join(dir, f));
  try {
    // tsc prints nothing when the files are clean: any output is returned, whatever the exit code.
    return execFileSync(
      process.execPath,
      [
        TSC[typescript],
        '--noEmit',
        '--strict',
        '--module',
        'nodenext',
        '--moduleResolution',
        'nodenext',
        '--target',
        'es2022',
        ...(libCheck ? [] : ['--skipLibCheck']),
        ...files,
      ],
      { cwd: dir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    );
  } catch (error) {
    return String((error as { stdout?: string }).stdout ?? error);
  }
}

/**
 * Type-check several output folders in one tsc run (cheaper than one run each): each is copied
 * under its base name into a fresh folder; returns tsc's output ('' when clean).
 */
export function typecheckAll(outputs: readonly string[]): string {
  const all = tmpDir();
  const files: string[] = [];
  for (const out of outputs) {
    const name = path.basename(out);
    fs.cpSync(out, path.join(all, name), { recursive: true });
    for (const f of fs.readdirSync(out)) if (f.endsWith('.ts')) files.push(path.join(name, f));
  }
  return typecheck(all, files);
}

/**
 * Transpile a folder of generated `.ts` files to `.js` beside them (ts-morph's bundled compiler)
 * and import its `index.js` natively, so the validators run exactly as users run them.
 */
export async function importGenerated(dir: string): Promise<Record<string, (value: unknown) => unknown>> {
  const { ts } = await import('ts-morph');
  const out = tmpDir('docs2ts-js-');
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
    const { outputText } = ts.transpileModule(fs.readFileSync(path.join(dir, file), 'utf8'), {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    });
    fs.writeFileSync(path.join(out, file.replace(/\.ts$/, '.js')), outputText);
  }
  fs.writeFileSync(path.join(out, 'package.json'), '{"type":"module"}');
  return (await import(pathToFileURL(path.join(out, 'index.js')).href)) as Record<string, (value: unknown) => unknown>;
}
