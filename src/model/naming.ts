/**
 * Naming: TypeScript identifiers for models and enum members, and property keys.
 *
 * @module
 */

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
 * Turn any heading text into a PascalCase identifier: words are runs of Unicode letters and
 * digits, each word's first letter is upper-cased and the rest kept (`TaskType` stays,
 * `task type` and `task-type` become `TaskType`). A leading digit gets a `_` prefix; no letters or
 * digits at all give `Model`.
 *
 * @returns a valid TypeScript identifier (ES2015 `IdentifierName` characters only)
 */
export function pascalIdentifier(text: string): string {
  const words = text.normalize('NFC').match(/[\p{L}\p{N}]+/gu) ?? [];
  // Some letters and digits (`²`, `½`) cannot stand in an identifier: drop them.
  let name = words
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('')
    .replace(/[^\p{ID_Continue}$]/gu, '');
  if (name === '') name = 'Model';
  if (/^\p{N}/u.test(name) || !/^[\p{ID_Start}_$]/u.test(name)) name = `_${name}`;
  return name;
}

/** True when `name` may not be a model's TypeScript name (see {@link RESERVED}). */
export function isReservedTypeName(name: string): boolean {
  return RESERVED.has(name);
}

/**
 * Give each model a unique, valid, non-reserved TypeScript name, stably: the same set of models
 * always gets the same names, whatever order they are listed in.
 *
 * Order of preference: models in a `shared`, `components` or `models` folder (or the input's top)
 * first, then by id. The first model with a name keeps it; later ones get their folder's name as a
 * prefix (`operations/task.md` → `OperationsTask`), then a number (`Task2`).
 *
 * @param models `{ id, name }` pairs (id: doc path relative to the input folder)
 * @returns tsName by model id
 */
export function assignTypeNames(models: readonly { id: string; name: string }[]): Map<string, string> {
  const ordered = [...models].sort((a, b) => namespaceRank(a.id) - namespaceRank(b.id) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const taken = new Set<string>();
  const names = new Map<string, string>();
  for (const { id, name } of ordered) {
    let base = pascalIdentifier(name);
    if (isReservedTypeName(base)) base = `${base}Model`;
    let candidate = base;
    if (taken.has(candidate)) {
      const folder = id.split('/').slice(-2, -1)[0];
      if (folder) candidate = pascalIdentifier(`${folder} ${base}`);
    }
    for (let n = 2; taken.has(candidate) || isReservedTypeName(candidate); n++) candidate = `${base}${n}`;
    taken.add(candidate);
    names.set(id, candidate);
  }
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
 * Enum member names from the Name column: a valid identifier per name (runs of other characters
 * become `_`, a leading digit gets `_`, nothing left gives `Value`), unique among the enum's
 * members (later duplicates get `_2`, `_3`, … skipping names already used), never `__proto__`.
 *
 * @param names the Name column, in order
 * @returns member names, same order
 */
export function enumMemberNames(names: readonly string[]): string[] {
  const bases = names.map((name) => {
    let id = name.normalize('NFC').trim().replace(/[^\p{ID_Continue}$]+/gu, '_');
    if (id === '' || id === '_') id = 'Value';
    if (!/^[\p{ID_Start}_$]/u.test(id)) id = `_${id}`;
    if (id === '__proto__') id = 'Proto';
    return id;
  });
  const used = new Set<string>();
  const counts = new Map<string, number>();
  for (const base of bases) counts.set(base, (counts.get(base) ?? 0) + 1);
  // Names that occur once are claimed first, so a fix-up never takes another member's own name.
  for (const [base, count] of counts) if (count === 1) used.add(base);
  // Among duplicates, a member whose Name is exactly the base keeps it; else the first one does.
  const owner = new Map<string, number>();
  bases.forEach((base, i) => {
    if (counts.get(base)! > 1 && (names[i] === base || !owner.has(base))) {
      if (!owner.has(base) || (names[i] === base && names[owner.get(base)!] !== base)) owner.set(base, i);
    }
  });
  return bases.map((base, i) => {
    if (counts.get(base) === 1) return base;
    if (owner.get(base) === i) {
      used.add(base);
      return base;
    }
    let n = 2;
    while (used.has(`${base}_${n}`) || bases.includes(`${base}_${n}`)) n++;
    used.add(`${base}_${n}`);
    return `${base}_${n}`;
  });
}

/** True when `key` can be written as a bare property name (ASCII identifier, not needing quotes). */
export function isBareKey(key: string): boolean {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) && key !== '__proto__';
}

/** A property key as TypeScript source: bare when it can be, else a JSON string literal. */
export function propertyKey(key: string): string {
  return isBareKey(key) ? key : JSON.stringify(key);
}
