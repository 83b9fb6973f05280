/**
 * JSDoc text: doc descriptions and examples made safe inside a `/** … *\/` comment.
 *
 * @module
 */

import { StructureKind, type JSDocStructure } from 'ts-morph';
import type { Model } from '../model/ir.js';

/**
 * Make text safe inside a JSDoc comment: `*\/` can never end the comment (written `*\/`), a line
 * starting with `@` is not read as a tag (written `\@`), and stray carriage returns are gone.
 *
 * @param text description or example text (Markdown)
 */
export function docText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/\*\//g, '*\\/')
    .replace(/^(\s*)@/gm, '$1\\@');
}

/** JSDoc of a model's declaration: its description, the doc it came from, `@deprecated`. */
export function modelDocs(model: Model): JSDocStructure[] {
  const parts: string[] = [];
  if (model.description !== null) parts.push(docText(model.description));
  parts.push(docText(`Generated from \`${model.file}\` (line ${model.line}).`));
  return [
    {
      kind: StructureKind.JSDoc,
      description: parts.join('\n\n'),
      tags: model.deprecated ? [{ kind: StructureKind.JSDocTag, tagName: 'deprecated' }] : [],
    },
  ];
}
