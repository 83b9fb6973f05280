/**
 * What the docs cannot say, supplied by the user: property-name case and per-model / per-field
 * overrides, applied to the IR after it is built.
 *
 * @module
 */

import type { Override } from '../config.js';
import { diagnostic, type Diagnostic } from './diagnostics.js';
import type { EnumModel, Field, Model } from './ir.js';
import { nameWords } from './naming.js';

/**
 * Wire names from documented names. The name is split into words (see {@link nameWords}), then
 * `camel` lower-cases the first word and capitalizes the others (`created_at`, `CreatedAt` →
 * `createdAt`; `ID` → `id`, `PlaybackID` → `playbackId`, `HTTPSEnabled` → `httpsEnabled`, `URLs`
 * → `urls`), and `snake` lower-cases every word and joins them with `_` (`CreatedAt` →
 * `created_at`, `PlaybackID` → `playback_id`); `preserve` keeps the name. Leading and trailing
 * underscores stay (`_links`, `from_`); a name already in the style is kept as is.
 */
export function caseName(name: string, style: 'preserve' | 'camel' | 'snake'): string {
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
export function applyOverrides(models: Model[], overrides: Readonly<Record<string, Override>>, propertyCase: 'preserve' | 'camel' | 'snake', diagnostics: Diagnostic[]): void {
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
      diagnostics.push(diagnostic('error', ruleId, message, null, undefined, 'Fix the key in `overrides` of the config: `Model` or `Model.field`, as in `docs2ts explain`.'));
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
        diagnostics.push(diagnostic('error', 'override-invalid', `\`${model.name}\`: value \`${text}\` is not a number`, model.file, { line: value.line, column: value.column }, 'Use valueType "string" for this enum.'));
        continue;
      }
      value.value = n;
    }
  }
  model.valueType = valueType;
}
