/** The settings table (src/core/options.ts): the CLI's flags, the config's validation and the defaults come from it. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, validateConfig } from '../src/config.js';
import { resolveSettings, SETTINGS, type SettingName } from '../src/core/options.js';
import { jobOf } from '../src/job.js';
import { notations } from '../src/notation/index.js';
import { runCli, tmpDir } from './helpers.js';

const entries = Object.entries(SETTINGS) as [SettingName, (typeof SETTINGS)[SettingName]][];

describe('the settings table', () => {
  it('names every notation (auto besides), in detection order', () => {
    expect(SETTINGS.notation.choices).toEqual(['auto', ...Object.keys(notations)]);
  });

  it('resolves each setting from the first layer that sets it, else its default, and says which were chosen', () => {
    const none = resolveSettings();
    for (const [key, setting] of entries) expect(none[key], key).toEqual(setting.default);
    expect(none.chosen.size).toBe(0);
    const layered = resolveSettings({ dates: 'Date', enumStyle: undefined }, { dates: 'string', enumStyle: 'union' });
    expect([layered.dates, layered.enumStyle, layered.additionalProperties]).toEqual(['Date', 'union', 'allow']);
    expect([...layered.chosen].sort()).toEqual(['dates', 'enumStyle']);
  });

  it('the config takes each setting with the values the table lists, and names them when a value does not fit', () => {
    const file = path.join(tmpDir(), 'docs2ts.config.json');
    for (const [key, setting] of entries) {
      const good = setting.kind === 'boolean' ? true : setting.kind === 'list' ? [setting.choices[0]] : setting.choices[setting.choices.length - 1];
      expect(validateConfig({ [key]: good }, file)[key], key).toEqual(good);
      const bad = () => validateConfig({ [key]: setting.kind === 'list' ? ['nope'] : 'nope' }, file);
      expect(bad, key).toThrow(ConfigError);
      expect(bad, key).toThrow(setting.kind === 'boolean' ? 'true or false' : `"${setting.choices[0]}"`);
    }
  });

  it('the CLI has a flag for each setting, refusing values the table does not list', async () => {
    const help = (await runCli(['generate', '--help'])).stdout;
    for (const [key, setting] of entries) {
      const long = setting.flag.split(/[ ,]+/).find((part) => part.startsWith('--'))!;
      expect(help, key).toContain(long);
      if (setting.kind === 'boolean') continue;
      const refused = await runCli(['generate', '-i', 'fixtures', '-o', tmpDir(), long, 'nope']);
      expect(refused.code, key).toBe(2);
      expect(refused.stderr, key).toContain(setting.choices.join(', '));
    }
  });

  it('makes the same job from flags over a config as from the same settings in one layer', () => {
    const base = { input: '/in', out: '/out', roots: ['Task'], overrides: {}, banner: undefined };
    expect(jobOf(base, { enumStyle: 'const' }, { enumStyle: 'union', dates: 'Date' })).toEqual(jobOf(base, { enumStyle: 'const', dates: 'Date' }));
  });
});
