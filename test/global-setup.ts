/**
 * vitest's global setup: one folder for every temporary folder of a run (`tmpDir` in
 * ./helpers.ts makes them under it), removed when the run ends. Worker processes are stopped
 * without running their exit handlers, so the folders they made were left in the system's
 * temporary folder (about 200 a run).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export default function setup(): () => void {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'docs2ts-tests-'));
  // Open to other users as the system's folder is: a test runs the CLI as `nobody` in one of its folders.
  fs.chmodSync(root, 0o755);
  // Read by the workers, which start after this and inherit the environment.
  process.env.DOCS2TS_TEST_TMP = root;
  return () => fs.rmSync(root, { recursive: true, force: true });
}
