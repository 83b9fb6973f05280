/**
 * What the docs cannot say, supplied by the user: property-name case and per-model / per-field
 * overrides, applied to the IR after it is built.
 *
 * @module
 */

import type { Override, PropertyCase } from '../core/options.js';
import { diagnostic, type Diagnostic } from '../core/diagnostics.js';
import type { EnumModel, Field, Model, TypeRef } from '../core/ir.js';
import { nameWords } from './naming.js';

/**
 * Wire names from documented names. The name is split into words (see {@link nameWords}), then
 * `camel` lower-cases the first word and capitalizes the others (`created_at`, `CreatedAt` →
 * `createdAt`; `ID` → `id`, `PlaybackID` → `playbackId`, `HTTPSEnabled` → `httpsEnabled`, `URLs`
 * → `urls`), and `snake` lower-cases every word and joins them with `_` (`CreatedAt` →
 * `created_at`, `PlaybackID` → `playback_id`); `preserve` keeps the name. Leading and trailing
 * underscores stay (`_links`, `from_`); a name already in the style is kept as is.
 */
export function caseName(name: string, style: PropertyCase): string {
  if (style === 'preserve') return name;
  const [, lead = '', core = '', trail = ''] = /^(_*)(.*?)(_*)$/su.exec(name) ?? [];
  if (style === 'snake' && /^[\p{Ll}\p{N}]+(_[\p{Ll}\p{N}]+)*$/u.test(core)) return name;
  const words = nameWords(core);
  if (words.length === 0) return name;
  let out = '';
  let first = true;
  for (const word of words) {
    // A character that is not a letter or digit (`.`, `$`) is kept, and starts the name afresh.
    if (!/[\p{L}\p{N}]/u.test(word)) {
      out += word;
      first = true;
      continue;
    }
    const lower = word.toLowerCase();
    if (style === 'snake') out += (first ? '' : '_') + lower;
    else out += first ? lower : lower.charAt(0).toUpperCase() + lower.slice(1);
    first = false;
  }
  return lead + out + trail;
}

/**
 * Apply `propertyCase` and `overrides` to the models, in place.
 *
 * Override keys name a model by its heading or TypeScript name (`Version`, `Task`), or a field as
 * `Model.field` with the field's documented name. Every override applied is an `override-applied`
 * info; a key that names nothing is an `override-unknown` error, and one that does not fit the
 * target (a `valueType` on an object) an `override-invalid` error.
 *
 * @param models the IR's models (mutated)
 * @param overrides by key
 * @param propertyCase how wire names derive from documented names
 * @param diagnostics where problems and notes are pushed
 */
export function applyOverrides(models: Model[], overrides: Readonly<Record<string, Override>>, propertyCase: PropertyCase, diagnostics: Diagnostic[]): void {
  const documented = new Map<Field, string>();
  for (const model of models) {
    if (model.kind !== 'object') continue;
    for (const field of model.fields) {
      documented.set(field, field.name);
      field.name = caseName(field.name, propertyCase);
    }
  }
  for (const [key, override] of Object.entries(overrides)) {
    const dot = key.indexOf('.');
    const modelName = dot === -1 ? key : key.slice(0, dot);
    const fieldName = dot === -1 ? null : key.slice(dot + 1);
    const model = models.find((m) => m.name === modelName) ?? models.find((m) => m.tsName === modelName);
    const problem = (ruleId: string, message: string): void => {
      diagnostics.push(
        diagnostic('error', ruleId, message, null, undefined, 'Fix the key in `overrides` of the config: `Model` or `Model.field`, as in `docs2ts explain`.'),
      );
    };
    if (!model) {
      problem('override-unknown', `Override \`${key}\` names no model of this run`);
      continue;
    }
    const at = { line: model.line, column: 1 };
    if (fieldName === null) {
      if (override.valueType === undefined || Object.keys(override).length !== 1) {
        problem('override-invalid', `Override \`${key}\` on a model takes only \`valueType\``);
        continue;
      }
      if (model.kind !== 'enum') {
        problem('override-invalid', `Override \`${key}\`: \`valueType\` applies to enums, and \`${model.name}\` is not one`);
        continue;
      }
      retypeEnum(model, override.valueType, diagnostics);
      diagnostics.push(diagnostic('info', 'override-applied', `\`${key}\`: values read as ${override.valueType}s`, model.file, at));
      continue;
    }
    const field = model.kind === 'object' ? model.fields.find((f) => documented.get(f) === fieldName || f.name === fieldName) : undefined;
    if (!field) {
      problem('override-unknown', `Override \`${key}\`: \`${model.name}\` has no field \`${fieldName}\``);
      continue;
    }
    if (override.valueType !== undefined) {
      problem('override-invalid', `Override \`${key}\`: \`valueType\` applies to enum models, not fields`);
      continue;
    }
    if (override.wireName !== undefined) field.name = override.wireName;
    if (override.nullable !== undefined) field.nullable = override.nullable;
    if (override.required !== undefined) field.required = override.required;
    if (override.type !== undefined) field.type = { kind: 'primitive', type: override.type };
    diagnostics.push(diagnostic('info', 'override-applied', `\`${key}\`: ${JSON.stringify(override)}`, model.file, { line: field.line, column: field.column }));
  }
}

function retypeEnum(model: EnumModel, valueType: 'string' | 'number' | 'boolean', diagnostics: Diagnostic[]): void {
  for (const value of model.values) {
    const text = String(value.value);
    if (valueType === 'string') value.value = text;
    else if (valueType === 'boolean') value.value = text === 'true';
    else {
      const n = Number(text);
      if (!Number.isFinite(n) || text.trim() === '') {
        diagnostics.push(
          diagnostic(
            'error',
            'override-invalid',
            `\`${model.name}\`: value \`${text}\` is not a number`,
            model.file,
            { line: value.line, column: value.column },
            'Use valueType "string" for this enum.',
          ),
        );
        continue;
      }
      value.value = n;
    }
  }
  model.valueType = valueType;
}

/**
 * How each notation's SDK generator writes property names (NOTATION.md §3, "Wire names"): Ruby
 * and Python in snake_case (`created_at`), Go and C# in PascalCase (`CreatedAt`), TypeScript, Java
 * and PHP in the API's own spelling or camelCase (`createdAt`).
 */
const SDK_NAMES: Readonly<Record<string, 'snake' | 'pascal' | 'camel'>> = {
  ruby: 'snake',
  python: 'snake',
  go: 'pascal',
  csharp: 'pascal',
  typescript: 'camel',
  java: 'camel',
  php: 'camel',
};

/** What {@link settingNotices} needs to know of the run. */
export interface SettingChoices {
  /** The notation's id (`ruby`) and label (`Ruby (Sorbet)`). */
  notation: { id: string; label: string };
  /** `propertyCase` as chosen by the user; undefined when not chosen (not the same as `preserve`). */
  propertyCase?: PropertyCase | undefined;
  /** `nullableOptionals` as chosen by the user; undefined when not chosen. */
  nullableOptionals?: boolean | undefined;
}

/**
 * One warning per setting the docs leave open and the run did not choose, instead of a note per
 * field. Call it on the models as built (documented names, before {@link applyOverrides}).
 *
 * - `property-case-unset`: `propertyCase` is not chosen and some field's name is one the SDK's
 *   renaming could have changed (every generator renames properties to its language's style; see
 *   {@link SDK_NAMES}): a PascalCase name (`CreatedAt`, `ID`) in Go / C#, a name of several
 *   snake_case words (`created_at`) in Ruby / Python, a name of several camelCase words
 *   (`createdAt`) in TypeScript / Java / PHP (corpus-wild typescript-openrouterteam… and
 *   php-clerk… document camelCase names for an API that sends snake_case, per their OpenAPI
 *   documents). Docs whose names are all single lower-case words (`status`) or already in another
 *   style than the SDK's (`created_at` in TypeScript: the wire name kept) do not fire it.
 * - `nullable-optionals-unset`: `nullableOptionals` is not chosen, the run has optional fields,
 *   and none of them is marked as nullable: the notation cannot mark null on an optional field
 *   (Ruby `T.nilable`, Python `Optional`, Go pointers, Java `Optional`, PHP `?X` say only "may be
 *   absent" there, TypeScript and C# have no marker), or its generator predates the marker. Docs
 *   with an `OptionalNullable[X]` / `JsonNullable<X>` optional field (python-mistralai…,
 *   java-docusign…) say it per field, and do not fire it.
 *
 * @param models the models as built (mutated: no)
 * @param choices the notation and what the user chose
 * @param diagnostics where the warnings are pushed (`file: null`: they concern the whole run)
 */
export function settingNotices(models: readonly Model[], choices: SettingChoices, diagnostics: Diagnostic[]): void {
  const fields = models.flatMap((m) => (m.kind === 'object' ? m.fields : []));
  const style = SDK_NAMES[choices.notation.id];
  if (choices.propertyCase === undefined && style !== undefined) {
    const renamed =
      style === 'camel'
        ? fields.filter((f) => /^[a-z]/.test(f.name) && !f.name.includes('_') && nameWords(f.name).length > 1)
        : fields.filter((f) => caseName(f.name, 'camel') !== f.name);
    if (renamed.length > 0) {
      const example = (renamed.find((f) => nameWords(f.name).length > 1) ?? renamed[0]!).name;
      const spelling = style === 'snake' ? 'snake_case' : style === 'camel' ? 'camelCase' : 'PascalCase';
      const would =
        style === 'camel'
          ? `\`snake\` reads \`${example}\` as \`${caseName(example, 'snake')}\``
          : style === 'snake'
            ? `\`camel\` reads \`${example}\` as \`${caseName(example, 'camel')}\``
            : `\`camel\` reads \`${example}\` as \`${caseName(example, 'camel')}\`, \`snake\` as \`${caseName(example, 'snake')}\``;
      diagnostics.push(
        diagnostic(
          'warning',
          'property-case-unset',
          `Field names are the ${choices.notation.label} SDK's ${spelling} names (${renamed.length} of ${fields.length} fields, e.g. \`${example}\`), which the API's JSON names may not be: ${would}; \`preserve\` keeps the documented names`,
          null,
          undefined,
          'Set "propertyCase" in the config, or pass --property-case camel, snake or preserve.',
        ),
      );
    }
  }
  if (choices.nullableOptionals === undefined) {
    const optional = fields.filter((f) => !f.required);
    if (optional.length > 0 && !optional.some((f) => f.nullable || hasNull(f.type))) {
      diagnostics.push(
        diagnostic(
          'warning',
          'nullable-optionals-unset',
          `${choices.notation.label} docs do not say whether an optional field may be null: the ${optional.length} optional fields reject null, and accept it with \`nullableOptionals\``,
          null,
          undefined,
          'Set "nullableOptionals" in the config to true (or pass --nullable-optionals) if the API sends null for absent values, or to false to keep them strict.',
        ),
      );
    }
  }
}

/** True when a type is a union with a `null` member (`string | null` in a Type cell). */
function hasNull(type: TypeRef): boolean {
  return type.kind === 'union' && type.members.some((m) => m.kind === 'literal' && m.value === null);
}
