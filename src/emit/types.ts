/**
 * TypeRef → TypeScript type text, one case per node kind.
 *
 * @module
 */

import type { TypeRef } from '../model/ir.js';

/**
 * The TypeScript type for a TypeRef. Maps are written as index signatures (`{ [key: string]: T }`)
 * so no global such as `Record` is needed; dates are strings (RFC 3339) on the wire.
 *
 * @param nameOf the tsName of a model id
 */
export function tsType(type: TypeRef, nameOf: (id: string) => string): string {
  switch (type.kind) {
    case 'primitive':
      return type.type === 'integer' ? 'number' : type.type === 'date' || type.type === 'date-time' ? 'string' : type.type;
    case 'ref':
      return nameOf(type.model);
    case 'literal':
      return JSON.stringify(type.value);
    case 'array': {
      const items = tsType(type.items, nameOf);
      return type.items.kind === 'union' ? `(${items})[]` : `${items}[]`;
    }
    case 'map':
      return `{ [key: string]: ${tsType(type.values, nameOf)} }`;
    case 'union':
      return type.members.map((m) => tsType(m, nameOf)).join(' | ');
  }
}
