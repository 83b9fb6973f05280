/**
 * Helpers of the zod schemas: the RFC 3339 checks the validators use (from their runtime), and
 * own-property helpers (zod reads keys with "in" and skips "__proto__").
 *
 * @module
 */
import { z } from "zod";

export { isDate, isDateTime, toDate } from "./_runtime.js";

/** A required property's value: anything but undefined. */
export function defined(value: unknown): boolean {
  return value !== undefined;
}

/** A plain object's own properties on an object without a prototype (zod reads keys with "in"). */
export function ownOnly(value: unknown): unknown {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return value;
  return Object.assign(Object.create(null) as object, value);
}

/**
 * The schema, after a check of the input's own "__proto__" property (zod skips that key, and
 * leaves it out of what it parses, so the check runs on the input first).
 *
 * @param schema the object's or map's schema
 * @param value the schema of the "__proto__" property's value
 * @param required true when the property must be present
 */
export function ownProto<T extends z.ZodType>(
  schema: T,
  value: z.ZodType,
  required: boolean,
): z.ZodPipe<z.ZodUnknown, T> {
  const check = z.unknown().superRefine((input, ctx) => {
    if (typeof input !== "object" || input === null || Array.isArray(input)) return;
    if (!Object.prototype.hasOwnProperty.call(input, "__proto__")) {
      if (required)
        ctx.addIssue({ code: "custom", path: ["__proto__"], message: "missing required property" });
      return;
    }
    const result = value.safeParse((input as Record<string, unknown>)["__proto__"]);
    if (!result.success)
      for (const issue of result.error.issues)
        ctx.addIssue({
          code: "custom",
          path: ["__proto__", ...issue.path],
          message: issue.message,
        });
  });
  return check.pipe(schema);
}
