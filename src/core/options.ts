/**
 * The settings of a run, in one table: each setting's values, its default, and the flag and help
 * line the CLI shows for it. The CLI's flags, the config file's validation, the API's defaults
 * and the types of every options object derive from {@link SETTINGS}: a value is written once.
 *
 * @module
 */

/** The outputs docs2ts can write from one IR. */
export const TARGET_NAMES = ['typescript', 'json-schema', 'zod'] as const;

/** One output docs2ts can write. */
export type Target = (typeof TARGET_NAMES)[number];

/** The formats the model graph is drawn in (`renderGraph`, `docs2ts graph --format`). */
export const GRAPH_FORMATS = ['mermaid', 'dot', 'svg'] as const;
export type GraphFormat = (typeof GRAPH_FORMATS)[number];

/** The notations docs2ts reads (`src/notation/`), in detection order. */
export const NOTATION_IDS = ['ruby', 'python', 'typescript', 'go', 'java', 'csharp', 'php'] as const;

/** A setting that is on or off. */
interface Flag {
  kind: 'boolean';
  default: boolean;
  /** The CLI flag, as commander spells it (`--nullable-optionals`). */
  flag: string;
  /** The flag's help line. */
  help: string;
  /** `input`: read by every command; `output`: only by those that emit (generate, check). */
  stage: 'input' | 'output';
  /**
   * The name commander stores the flag under, when not the one it derives from `flag` (`--no-format`
   * would be `format`, the diagnostics' `--format`).
   */
  attribute?: string;
}

/** A setting that takes one of a few strings (`list`: several of them). */
interface Choice {
  kind: 'choice' | 'list';
  choices: readonly string[];
  default: string | readonly string[];
  flag: string;
  help: string;
  stage: 'input' | 'output';
}

/** A setting of {@link SETTINGS}. */
export type Setting = Flag | Choice;

/**
 * Every setting: its values, its default, the CLI flag and its help line. Keys are the config's
 * and the API's option names; the order is the CLI's (help, and the command lines it prints).
 */
export const SETTINGS = {
  notation: {
    kind: 'choice',
    choices: ['auto', ...NOTATION_IDS],
    default: 'auto',
    flag: '-n, --notation <id>',
    help: 'Type-cell notation of the docs (default: detected)',
    stage: 'input',
  },
  targets: {
    kind: 'list',
    choices: TARGET_NAMES,
    default: ['typescript'],
    flag: '-t, --target <name>',
    help: 'output to write, repeatable (default: typescript)',
    stage: 'output',
  },
  additionalProperties: {
    kind: 'choice',
    choices: ['allow', 'reject'],
    default: 'allow',
    flag: '--additional-properties <mode>',
    help: 'keys a table does not list: allow, or reject each at its pointer',
    stage: 'output',
  },
  nullableOptionals: {
    kind: 'boolean',
    default: false,
    flag: '--nullable-optionals',
    help: 'optional fields also accept null (interface and validator)',
    // Read by every command: whether it was chosen decides the IR's nullable-optionals-unset
    // warning, which `ir` and `explain` print with this flag as the fix.
    stage: 'input',
  },
  dates: {
    kind: 'choice',
    choices: ['string', 'Date'],
    default: 'string',
    flag: '--dates <mode>',
    help: 'date and date-time as RFC 3339 strings, or as Date with parseX(json) converters',
    stage: 'output',
  },
  enumStyle: {
    kind: 'choice',
    choices: ['enum', 'const', 'union'],
    default: 'enum',
    flag: '--enum-style <style>',
    help: 'enums as TypeScript enums, const objects, or literal unions',
    stage: 'output',
  },
  propertyCase: {
    kind: 'choice',
    choices: ['preserve', 'camel', 'snake'],
    default: 'preserve',
    flag: '--property-case <style>',
    help: 'wire names from documented names',
    stage: 'input',
  },
  allowBrokenLinks: {
    kind: 'boolean',
    default: false,
    flag: '--allow-broken-links',
    help: 'read links to docs that do not exist as `unknown`, with a warning instead of an error',
    stage: 'input',
  },
  format: {
    kind: 'boolean',
    default: true,
    flag: '--no-format',
    help: 'write the files as generated, not formatted by prettier',
    stage: 'output',
    attribute: 'formatOutput',
  },
} as const satisfies Record<string, Setting>;

/** The name of a setting. */
export type SettingName = keyof typeof SETTINGS;

type ValueOf<S> = S extends { kind: 'boolean' }
  ? boolean
  : S extends { kind: 'list'; choices: readonly (infer C)[] }
    ? C[]
    : S extends { choices: readonly (infer C)[] }
      ? C
      : never;

/** Every setting with its value (see {@link resolveSettings}). */
export type Settings = { -readonly [K in SettingName]: ValueOf<(typeof SETTINGS)[K]> };

/** `propertyCase`'s values. */
export type PropertyCase = Settings['propertyCase'];
/** `additionalProperties`'s values. */
export type AdditionalProperties = Settings['additionalProperties'];
/** `dates`' values. */
export type DatesMode = Settings['dates'];
/** `enumStyle`'s values. */
export type EnumStyle = Settings['enumStyle'];

/** The settings a stage or an options object reads (only those keys). */
export type SettingsOf<K extends SettingName> = Pick<Settings, K>;

/**
 * Settings from layers of options, the first layer that sets a key winning (flags over config,
 * say), and the default of {@link SETTINGS} where none does. `undefined` counts as not set.
 *
 * @returns every setting, and `chosen`: the keys some layer set
 */
export function resolveSettings(...layers: readonly Partial<Readonly<Record<SettingName, unknown>>>[]): Settings & { chosen: Set<SettingName> } {
  const resolved: Record<string, unknown> = {};
  const chosen = new Set<SettingName>();
  for (const key of Object.keys(SETTINGS) as SettingName[]) {
    const layer = layers.find((l) => l[key] !== undefined);
    if (layer) chosen.add(key);
    const value = layer ? layer[key] : SETTINGS[key].default;
    resolved[key] = Array.isArray(value) ? [...(value as unknown[])] : value;
  }
  return { ...(resolved as Settings), chosen };
}

/**
 * Why a value does not fit a setting, or null when it does.
 *
 * @returns a phrase to follow "`key` must be": `one of "allow", "reject"`, `true or false`, …
 */
export function settingProblem(key: SettingName, value: unknown): string | null {
  const setting: Setting = SETTINGS[key];
  const quoted = (list: readonly string[]): string => list.map((k) => `"${k}"`).join(', ');
  if (setting.kind === 'boolean') return typeof value === 'boolean' ? null : 'true or false';
  if (setting.kind === 'choice') return typeof value === 'string' && setting.choices.includes(value) ? null : `one of ${quoted(setting.choices)}`;
  return Array.isArray(value) && value.every((v) => typeof v === 'string' && setting.choices.includes(v)) ? null : `an array of ${quoted(setting.choices)}`;
}

/** The primitive types an override's `type` may name. */
export const OVERRIDE_TYPES = ['string', 'number', 'integer', 'boolean', 'date', 'date-time', 'unknown'] as const;
/** The value types an override's `valueType` may name (how an enum's unquoted values are read). */
export const OVERRIDE_VALUE_TYPES = ['string', 'number', 'boolean'] as const;

/**
 * An override. On a field: `wireName` (the JSON key), `nullable`, `required`, `type` (a primitive:
 * `string`, `number`, `integer`, `boolean`, `date`, `date-time`, `unknown`). On an enum model:
 * `valueType` (`string`, `number`, `boolean`: how to read its unquoted values).
 */
export interface Override {
  wireName?: string;
  nullable?: boolean;
  required?: boolean;
  type?: (typeof OVERRIDE_TYPES)[number];
  valueType?: (typeof OVERRIDE_VALUE_TYPES)[number];
}

/** Every key of an {@link Override} and the value it takes (a list: one of those strings). */
export const OVERRIDE_KEYS: Readonly<Record<keyof Override, 'string' | 'boolean' | readonly string[]>> = {
  wireName: 'string',
  nullable: 'boolean',
  required: 'boolean',
  type: OVERRIDE_TYPES,
  valueType: OVERRIDE_VALUE_TYPES,
};
