/**
 * The runtime of the generated validators: result and error types, the error class thrown by
 * `assertX`, and the checks the validators share (the RFC 3339 date checks serve the zod schemas
 * too). No imports, no `eval`, no allocation on success paths.
 *
 * @module
 */

/** One reason a value does not match its type. */
export interface ValidationError {
  /** JSON Pointer (RFC 6901) to the offending value; "" is the value itself. A missing required property is reported at its own pointer. */
  path: string;
  /** What is wrong, in one sentence. */
  message: string;
  /** The type or values expected there, in TypeScript notation. */
  expected: string;
  /** What was found: "missing", "null", "array", "object", "string", "number", "integer", "NaN", "Infinity", "-Infinity", "boolean", "undefined" or another typeof. */
  received: string;
}

/** The result of a validateX function. */
export type ValidationResult<T> =
  { success: true; value: T } | { success: false; errors: ValidationError[] };

/** Thrown by the assertX functions; carries every error found. */
export class ValidationFailedError extends Error {
  /** Every error found, in document order. */
  readonly errors: ValidationError[];
  /** The name of the type that was asserted. */
  readonly typeName: string;

  constructor(typeName: string, errors: ValidationError[]) {
    const shown = errors
      .slice(0, 3)
      .map((e) => (e.path === "" ? "(root)" : e.path) + ": " + e.message);
    const more = errors.length > 3 ? "; and " + (errors.length - 3) + " more" : "";
    super(typeName + " is invalid: " + shown.join("; ") + more);
    this.name = "ValidationFailedError";
    this.typeName = typeName;
    this.errors = errors;
  }
}

const hop = Object.prototype.hasOwnProperty;

/** Own-property presence: keys such as "constructor" or "__proto__" are never inherited by accident. */
export function hasOwn(object: object, key: string): boolean {
  return hop.call(object, key);
}

/** Object.prototype, as it was when this module loaded. */
export const objectPrototype: object = Object.prototype;

const getPrototypeOf = Object.getPrototypeOf;

/**
 * True when an object's prototype is Object.prototype: then a property it does not own could only
 * come from Object.prototype, so a key k with !(k in objectPrototype) that reads as defined is own.
 * (Validators use this to skip hasOwn on the success path; hasOwn decides every other case.)
 */
export function isPlain(object: object): boolean {
  return getPrototypeOf(object) === objectPrototype;
}

/** A plain JSON object: not null, not an array. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Escape one JSON Pointer reference token (RFC 6901 §3): "~" as "~0", "/" as "~1". */
export function pointer(token: string): string {
  return token.replace(/~/g, "~0").replace(/\//g, "~1");
}

/** A short name for what a value is, for error messages. */
export function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number")
    return Number.isInteger(value) ? "integer" : Number.isFinite(value) ? "number" : String(value);
  return typeof value;
}

/** Record that the value at path is not of the expected type. */
export function mismatch(
  errors: ValidationError[],
  path: string,
  expected: string,
  value: unknown,
): void {
  const received = describe(value);
  errors.push({
    path,
    message: "expected " + expected + ", received " + received,
    expected,
    received,
  });
}

/** Record that a required property is missing (reported at the property's own pointer). */
export function missing(errors: ValidationError[], path: string, expected: string): void {
  errors.push({
    path,
    message: "missing required property (expected " + expected + ")",
    expected,
    received: "missing",
  });
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:[Zz]|([+-])(\d{2}):(\d{2}))$/;

function validDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days =
    month === 2
      ? leap
        ? 29
        : 28
      : month === 4 || month === 6 || month === 9 || month === 11
        ? 30
        : 31;
  return day <= days;
}

/** RFC 3339 full-date: YYYY-MM-DD, a real calendar day. */
export function isDate(value: string): boolean {
  const m = DATE.exec(value);
  return m !== null && validDay(+m[1]!, +m[2]!, +m[3]!);
}

/**
 * RFC 3339 date-time: full-date "T" time with seconds, optional fraction, and "Z" or an offset
 * ("T" and "Z" may be lower case). A leap second (":60") is valid only at 23:59 UTC.
 */
export function isDateTime(value: string): boolean {
  const m = DATE_TIME.exec(value);
  if (m === null || !validDay(+m[1]!, +m[2]!, +m[3]!)) return false;
  const hour = +m[4]!;
  const minute = +m[5]!;
  const second = +m[6]!;
  if (hour > 23 || minute > 59 || second > 60) return false;
  const offset = m[7] === undefined ? 0 : (m[7] === "-" ? -1 : 1) * (+m[8]! * 60 + +m[9]!);
  if (m[7] !== undefined && (+m[8]! > 23 || +m[9]! > 59)) return false;
  return second < 60 || (((hour * 60 + minute - offset) % 1440) + 1440) % 1440 === 1439;
}

/** Record that an object has a key its table does not list (strict mode), at the key's own pointer. */
export function unknownKey(
  errors: ValidationError[],
  path: string,
  typeName: string,
  value: unknown,
): void {
  errors.push({
    path,
    message: "unknown property (not a field of " + typeName + ")",
    expected: "never",
    received: describe(value),
  });
}

/** A valid RFC 3339 date or date-time string as a Date (a date is midnight UTC; ":60" is the next second). */
export function toDate(value: string): Date {
  const m =
    /^(\d{4})-(\d{2})-(\d{2})(?:[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(?:[Zz]|([+-])(\d{2}):(\d{2})))?$/.exec(
      value,
    )!;
  const offset = m[8] === undefined ? 0 : (m[8] === "-" ? -1 : 1) * (+m[9]! * 60 + +m[10]!);
  const ms = m[7] === undefined ? 0 : +(m[7] + "00").slice(0, 3);
  const date = new Date(0);
  date.setUTCFullYear(+m[1]!, +m[2]! - 1, +m[3]!);
  date.setUTCHours(+(m[4] ?? 0), +(m[5] ?? 0) - offset, +(m[6] ?? 0), ms);
  return date;
}

/** Set an own, enumerable property (a key "__proto__" included, which assignment would not create). */
export function define(object: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(object, key, {
    value,
    writable: true,
    enumerable: true,
    configurable: true,
  });
}
