/**
 * TypeRef → TypeScript type text, one case per node kind.
 *
 * @module
 */

import type { TypeRef } from '../core/ir.js';

/**
 * The TypeScript type for a TypeRef. Maps are written as index signatures (`{ [key: string]: T }`)
 * so no global such as `Record` is needed; dates are strings (RFC 3339) on the wire, and `Date`
 * objects with `dates: "Date"`; a union without members is `never`. The one TypeRef-to-TypeScript text of
 * both TypeScript targets (the zod target writes its explicit types with it too).
 *
 * @param nameOf the tsName of a model id
 * @param dates how `date` / `date-time` values are held in memory
 */
export function tsType(type: TypeRef, nameOf: (id: string) => string, dates: 'string' | 'Date' = 'string'): string {
  switch (type.kind) {
    case 'primitive':
      return type.type === 'integer' ? 'number' : type.type === 'date' || type.type === 'date-time' ? dates : type.type;
    case 'ref':
      return nameOf(type.model);
    case 'literal':
      return JSON.stringify(type.value);
    case 'array': {
      const items = tsType(type.items, nameOf, dates);
      return type.items.kind === 'union' ? `(${items})[]` : `${items}[]`;
    }
    case 'map':
      return `{ [key: string]: ${tsType(type.values, nameOf, dates)} }`;
    case 'union':
      return type.members.map((m) => tsType(m, nameOf, dates)).join(' | ') || 'never';
  }
}
