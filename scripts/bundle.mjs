/**
 * Bundle the CLI for start-up speed: `src/cli.ts` and the helper thread `src/parallel/worker.ts`
 * with their dependencies (unified, micromark, commander, cosmiconfig, …) into ES modules in
 * `dist/bundle/` (`cli.js`, `worker.js` and shared chunks), the bin `package.json` names.
 *
 * Why: a run loads ~300 small modules; one file per stage loads faster (measured on livepeer-ruby's
 * 183 docs, whole process: ~0.98 s from `dist/cli.js`, ~0.90 s from the bundle; see README
 * "Performance"). Code splitting keeps the lazy imports lazy: `--help` loads only the entry and the
 * chunks it needs (a package test reads which). Prettier, ts-morph, chokidar and typescript stay
 * outside (loaded from node_modules when needed: prettier's own lazy plugin loading, printing the
 * TypeScript files, watch mode, configs in TypeScript). The programmatic API (`dist/index.js`) is tsc's output, not bundled.
 *
 * Run by `npm run build` after tsc. Not minified: stack traces stay readable, and each module
 * keeps esbuild's `// node_modules/<package>/<file>` comment (the package test reads them).
 */
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * commander requires `node:child_process` when it loads, for executable subcommands, which
 * docs2ts does not have; loading it (with `net`, `dgram` and their bindings) was about 5 ms of
 * every command's start-up. In the bundle, commander's `require` of it is answered by a module
 * that requires it on first use.
 */
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      args.kind === 'require-call' && args.importer.includes(`${path.sep}node_modules${path.sep}commander${path.sep}`)
        ? { path: 'child_process', namespace: 'lazy-child-process' }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy-child-process' }, () => ({
      contents: ['let loaded;', "module.exports = new Proxy({}, { get: (_, key) => (loaded ??= require('node:child_process'))[key] });"].join('\n'),
      loader: 'js',
    }));
  },
};

// Chunk names carry content hashes: start empty, or chunks of earlier builds would stay (and ship).
fs.rmSync(path.join(root, 'dist/bundle'), { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: { cli: 'src/cli.ts', worker: 'src/parallel/worker.ts' },
  outdir: 'dist/bundle',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['prettier', 'prettier/*', 'chokidar', 'typescript', 'ts-morph', 'ts-morph/*'],
  // CommonJS dependencies call `require` (commander, cosmiconfig) and read `__filename` and
  // `__dirname` (import-fresh, cosmiconfig's fallback when a config file fails to load), which ES
  // modules lack.
  banner: {
    js: [
      "import { createRequire as __docs2tsCreateRequire } from 'node:module';",
      "import { dirname as __docs2tsDirname } from 'node:path';",
      "import { fileURLToPath as __docs2tsFileURLToPath } from 'node:url';",
      'const require = __docs2tsCreateRequire(import.meta.url);',
      'const __filename = __docs2tsFileURLToPath(import.meta.url);',
      'const __dirname = __docs2tsDirname(__filename);',
    ].join('\n'),
  },
  plugins: [lazyChildProcess],
  logLevel: 'warning',
});
