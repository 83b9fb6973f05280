/**
 * Naming: TypeScript identifiers for models and enum members, and property keys.
 *
 * @module
 */

import { ID_PART_RANGES, ID_START_RANGES, inRanges } from './identifier-tables.js';

/**
 * Names a model's type may not take: ECMAScript / TypeScript reserved words, the global types and
 * values of `lib.es2023`, the web globals Node.js also has (`Response`, `URL`, `Blob`, …), and
 * the runtime's own exports. A heading such as `Record` or `Error` becomes `RecordModel`.
 */
const RESERVED = new Set(
  [
    // reserved words (ECMAScript 2023 §12.7.2) and TypeScript's type keywords
    'break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface package private protected public await',
    'any unknown never object string number boolean bigint symbol undefined keyof readonly infer is asserts unique type namespace module declare abstract as async from get set of satisfies accessor out',
    // global values and types
    'Object Function Array String Number Boolean Symbol BigInt Math JSON Date RegExp Error EvalError RangeError ReferenceError SyntaxError TypeError URIError AggregateError Promise Proxy Reflect Map Set WeakMap WeakSet WeakRef FinalizationRegistry ArrayBuffer SharedArrayBuffer DataView Atomics Int8Array Uint8Array Uint8ClampedArray Int16Array Uint16Array Int32Array Uint32Array Float32Array Float64Array BigInt64Array BigUint64Array Intl globalThis Infinity NaN',
    'ReadonlyArray ReadonlySet ReadonlyMap PropertyDescriptor Record Partial Required Readonly Pick Omit Exclude Extract NonNullable Parameters ConstructorParameters ReturnType InstanceType Awaited ThisType Uppercase Lowercase Capitalize Uncapitalize NoInfer PropertyKey PromiseLike ArrayLike Iterable Iterator AsyncIterable AsyncIterator Generator IterableIterator TemplateStringsArray',
    'List Event EventTarget Response Request Headers URL URLSearchParams Blob File FormData ReadableStream WritableStream TextEncoder TextDecoder AbortController AbortSignal Buffer console process require exports',
    // the generated runtime's exports and the index's namespace
    'ValidationError ValidationResult ValidationFailedError',
  ]
    .join(' ')
    .split(' '),
);

/**
 * True when code point `cp` may start a TypeScript identifier: Unicode `ID_Start` (or `_`, `$`)
 * as both Node.js and TypeScript's scanner read it. TypeScript's tables follow an older Unicode
 * version than Node.js does, so a letter added since (U+0897, U+1ACF, …) is refused.
 *
 * Answered from `./identifier-tables.ts`, which does not load TypeScript: TypeScript's ES2022
 * identifier tables intersected with Node.js's `\p{ID_Start}` regex, written by
 * `scripts/identifier-tables.ts` (rerun it after upgrading TypeScript or Node.js;
 * `test/identifier-tables.test.ts` fails while the tables are stale).
 */
export function isIdentifierStart(cp: number): boolean {
  return inRanges(ID_START_RANGES, cp);
}

/**
 * True when code point `cp` may continue a TypeScript identifier: Unicode `ID_Continue` (or `$`)
 * as both Node.js and TypeScript's scanner read it; TypeScript's ES2022 tables intersected with
 * Node.js's `\p{ID_Continue}` regex (see {@link isIdentifierStart}).
 */
export function isIdentifierPart(cp: number): boolean {
  return inRanges(ID_PART_RANGES, cp);
}

/** True when `name` is a valid TypeScript identifier (see {@link isIdentifierStart}). */
export function isIdentifier(name: string): boolean {
  const cps = [...name].map((c) => c.codePointAt(0)!);
  return cps.length > 0 && isIdentifierStart(cps[0]!) && cps.every(isIdentifierPart);
}

/**
 * Turn any heading text into a PascalCase identifier: words are runs of Unicode letters, marks and
 * digits, each word's first letter is upper-cased and the rest kept (`TaskType` stays,
 * `task type` and `task-type` become `TaskType`). Characters that cannot stand in an identifier
 * (`²`, `½`, letters newer than TypeScript's Unicode tables) are dropped; a name that cannot start
 * an identifier (a leading digit) gets a `_` prefix; no letters or digits at all give `Model`.
 *
 * @returns a valid TypeScript identifier (see {@link isIdentifier}), never containing `$`
 */
export function pascalIdentifier(text: string): string {
  const words = text.normalize('NFC').match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
  let name = '';
  for (const word of words) {
    const [first, ...rest] = [...word];
    for (const ch of [...first!.toUpperCase(), ...rest]) if (isIdentifierPart(ch.codePointAt(0)!) && ch !== '$') name += ch;
  }
  if (name === '') return 'Model';
  return isIdentifierStart(name.codePointAt(0)!) ? name : `_${name}`;
}

/** True when `name` may not be a model's TypeScript name (see {@link RESERVED}). */
export function isReservedTypeName(name: string): boolean {
  return RESERVED.has(name);
}

/**
 * Give each model a unique, valid, non-reserved TypeScript name, stably: the same set of models
 * always gets the same names, whatever order they are listed in.
 *
 * Every model first claims its own name: the heading in PascalCase, or with a `Model` suffix when
 * that would shadow a global (`Record` → `RecordModel`); a heading that is literally `RecordModel`
 * wins over a suffixed one. Among several models with one name, the one in a `shared`,
 * `components` or `models` folder (or the input's top) wins, then the first by id. The others get
 * a fix-up that is no other model's own name: their folder's name as a prefix
 * (`operations/task.md` → `OperationsTask`), else a number (`Task2`).
 *
 * @param models `{ id, name }` pairs (id: doc path relative to the input folder)
 * @returns tsName by model id
 */
export function assignTypeNames(models: readonly { id: string; name: string }[]): Map<string, string> {
  const ordered = [...models].sort((a, b) => namespaceRank(a.id) - namespaceRank(b.id) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const bases = ordered.map(({ name }) => {
    const plain = pascalIdentifier(name);
    return isReservedTypeName(plain) ? { name: `${plain}Model`, suffixed: true } : { name: plain, suffixed: false };
  });
  const taken = new Set<string>();
  const names = new Map<string, string>();
  // Own names first (unsuffixed before suffixed), so that no fix-up can take another model's name.
  for (const suffixed of [false, true]) {
    ordered.forEach(({ id }, i) => {
      const base = bases[i]!;
      if (base.suffixed === suffixed && !taken.has(base.name) && !isReservedTypeName(base.name)) {
        taken.add(base.name);
        names.set(id, base.name);
      }
    });
  }
  const next = new Map<string, number>();
  ordered.forEach(({ id }, i) => {
    if (names.has(id)) return;
    const base = bases[i]!.name;
    const folder = id.split('/').slice(-2, -1)[0];
    let candidate = folder ? pascalIdentifier(`${folder} ${base}`) : base;
    if (taken.has(candidate) || isReservedTypeName(candidate)) {
      let n = next.get(base) ?? 2;
      while (taken.has(`${base}${n}`) || isReservedTypeName(`${base}${n}`)) n++;
      next.set(base, n + 1);
      candidate = `${base}${n}`;
    }
    taken.add(candidate);
    names.set(id, candidate);
  });
  return names;
}

/**
 * Rank a doc path for name preference: 0 for the schema namespaces (`shared`, `components`,
 * `models`, or the input's top folder), 1 for everything else (operations, errors, ...).
 */
export function namespaceRank(id: string): number {
  const parts = id.toLowerCase().split('/');
  if (parts.length === 1) return 0;
  const folder = parts[parts.length - 2]!;
  return folder === 'shared' || folder === 'components' || folder === 'models' ? 0 : 1;
}

/**
 * Enum member names from the Name column: a valid identifier per name (runs of characters that
 * cannot stand in an identifier become `_`, a name that cannot start one gets a `_` prefix,
 * nothing left gives `Value`), unique among the enum's members, never `__proto__` (`Proto`).
 *
 * Uniqueness: a name that occurs once keeps it; among several members with one name, the member
 * whose Name is exactly that name keeps it, else the first; the others get `_2`, `_3`, … skipping
 * every name another member has or was given, so a fix-up never takes another member's own name.
 * Linear in the number of names (a 10,000-value enum of `*`, `**`, … is fine).
 *
 * @param names the Name column, in order
 * @returns member names, same order
 */
export function enumMemberNames(names: readonly string[]): string[] {
  const bases = names.map(memberBase);
  const counts = new Map<string, number>();
  for (const base of bases) counts.set(base, (counts.get(base) ?? 0) + 1);
  // Among duplicates, a member whose Name is exactly the base owns it; else the first one does.
  const owner = new Map<string, number>();
  bases.forEach((base, i) => {
    if (counts.get(base)! === 1) return;
    const current = owner.get(base);
    if (current === undefined || (names[i] === base && names[current] !== base)) owner.set(base, i);
  });
  const used = new Set(bases);
  const next = new Map<string, number>();
  return bases.map((base, i) => {
    if (counts.get(base) === 1 || owner.get(base) === i) return base;
    let n = next.get(base) ?? 2;
    while (used.has(`${base}_${n}`)) n++;
    next.set(base, n + 1);
    used.add(`${base}_${n}`);
    return `${base}_${n}`;
  });
}

/** One Name as an identifier, before uniqueness (see {@link enumMemberNames}). */
function memberBase(name: string): string {
  let id = '';
  let gap = false;
  for (const ch of name.normalize('NFC').trim()) {
    if (isIdentifierPart(ch.codePointAt(0)!)) {
      if (gap) id += '_';
      id += ch;
      gap = false;
    } else gap = true;
  }
  if (gap) id += '_';
  if (id === '' || id === '_') return 'Value';
  if (!isIdentifierStart(id.codePointAt(0)!)) id = `_${id}`;
  return id === '__proto__' ? 'Proto' : id;
}

/**
 * The words of a property name, for re-casing it. Splits at `_`, `-` and white space, and at case
 * changes: a lower-case letter or digit before a capital (`createdAt`, `Base64Encoded`), and the
 * last capital of a run that a lower-case letter follows (`HTTPSEnabled` → `HTTPS`, `Enabled`).
 * A run of capitals followed by one `s` and no lower-case letter or digit is a plural acronym (`URLs`,
 * `PlaybackIDs` → `Playback`, `IDs`). Digits stay with the letters before them (`v2`, `sha256`);
 * letters without case (CJK, …) count as lower-case; other characters are words of their own.
 *
 * @returns the words in order (none for a name of separators only)
 */
export function nameWords(name: string): string[] {
  return (
    name.match(
      /\p{Lu}{2,}s(?![\p{Ll}\p{Lo}\p{Lm}\p{M}\p{N}])|[\p{Lu}\p{Lt}]+(?=[\p{Lu}\p{Lt}][\p{Ll}\p{Lo}\p{Lm}\p{M}])|[\p{Lu}\p{Lt}]*[\p{Ll}\p{Lo}\p{Lm}\p{M}\p{N}]+|[\p{Lu}\p{Lt}]+|[^\p{L}\p{M}\p{N}_\s-]+/gu,
    ) ?? []
  );
}

/** True when `key` can be written as a bare property name (ASCII identifier, not needing quotes). */
export function isBareKey(key: string): boolean {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) && key !== '__proto__';
}

/** A property key as TypeScript source: bare when it can be, else a JSON string literal. */
export function propertyKey(key: string): string {
  return isBareKey(key) ? key : JSON.stringify(key);
}
