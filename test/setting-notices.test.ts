/**
 * The CLI's side of `property-case-unset` and `nullable-optionals-unset`: one warning each on a run
 * that chose neither setting, listed by `explain`, and silenced by choosing one in the config or
 * on the command line (`preserve` and `false` included: "chosen" is not "the default").
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tmpDir, writeDocs } from './helpers.js';

// Go docs: PascalCase SDK names, pointers that say nothing about null on optional fields.
const docs = {
  'models/shared/video.md':
    '# Video\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n| `PlaybackID` | *string* | :heavy_check_mark: | N/A |\n| `CreatedAt` | **int64* | :heavy_minus_sign: | N/A |',
};

function project(config: Record<string, unknown> = {}): string {
  const dir = tmpDir();
  writeDocs(dir, docs);
  fs.writeFileSync(path.join(dir, 'docs2ts.config.json'), JSON.stringify({ input: 'models', out: 'gen', ...config }));
  return dir;
}

describe('settings the docs leave open', () => {
  it('a run that chose neither prints one warning each, naming the setting; explain lists both', async () => {
    const dir = project();
    const run = await runCli(['generate'], dir);
    expect(run.code).toBe(0);
    expect(run.stderr.match(/property-case-unset/g)).toHaveLength(1);
    expect(run.stderr.match(/nullable-optionals-unset/g)).toHaveLength(1);
    expect(run.stderr).toMatch(/`camel` reads `PlaybackID` as `playbackId`, `snake` as `playback_id`/);
    expect(run.stderr).toContain('nullableOptionals');
    expect(run.stderr).not.toMatch(/\berror\b/);
    expect(run.stdout).toMatch(/2 warnings/);
    const explained = JSON.parse((await runCli(['explain', '--json'], dir)).stdout) as { ruleId: string }[];
    expect(explained.map((d) => d.ruleId)).toEqual(expect.arrayContaining(['property-case-unset', 'nullable-optionals-unset']));
  });

  it('choosing them, in the config or with flags, silences them (preserve and false too)', async () => {
    const chose = await runCli(['generate', '--format', 'json'], project({ propertyCase: 'preserve', nullableOptionals: false }));
    const ids = (JSON.parse(chose.stdout) as { diagnostics: { ruleId: string }[] }).diagnostics.map((d) => d.ruleId);
    expect(ids).not.toContain('property-case-unset');
    expect(ids).not.toContain('nullable-optionals-unset');
    const flags = await runCli(['generate', '--property-case', 'camel', '--nullable-optionals'], project());
    expect(flags.stderr).not.toMatch(/-unset/);
    expect(flags.stdout).toMatch(/0 warnings/);
  });

  it('every command that prints the warnings takes the flags they name (ir, explain, graph as well as generate)', async () => {
    for (const command of ['ir', 'explain', 'graph']) {
      const none = await runCli([command], project());
      expect(none.stdout + none.stderr, command).toMatch(/nullable-optionals-unset/);
      const flags = await runCli([command, '--property-case', 'camel', '--nullable-optionals'], project());
      expect(flags.code, `${command}: ${flags.stderr}`).toBe(0);
      expect(flags.stdout + flags.stderr, command).not.toMatch(/-unset/);
    }
  });
});
