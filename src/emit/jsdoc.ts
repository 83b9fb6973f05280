/**
 * JSDoc text: doc descriptions and examples made safe inside a `/** … *\/` comment.
 *
 * @module
 */

import type { JSDoc } from './code.js';
import type { Model } from '../core/ir.js';

/**
 * Make text safe inside a JSDoc comment: `*\/` can never end the comment (written `*\/`), a line
 * starting with `@` is not read as a tag (written `\@`), and stray carriage returns are gone.
 *
 * @param text description or example text (Markdown)
 */
export function docText(text: string): string {
  return text
    .replace(/\r\n?|[\u2028\u2029]/g, '\n')
    .replace(/\*\//g, '*\\/')
    .replace(/^(\s*)@/gm, '$1\\@');
}

/**
 * A JSDoc comment as a structure. Tags are written as text lines of the description (made safe
 * like it).
 *
 * @param description Markdown text, made safe with {@link docText}; null for none
 * @param tags `[name, text]` pairs, text made safe likewise
 * @returns zero or one JSDoc structure (none when there is nothing to say)
 */
export function jsDoc(description: string | null, tags: readonly (readonly [string, string?])[] = []): JSDoc[] {
  const lines: string[] = [];
  if (description !== null && description !== '') lines.push(docText(description));
  for (const [name, text] of tags) lines.push(text === undefined ? `@${name}` : `@${name} ${docText(text)}`);
  return lines.length === 0 ? [] : [{ description: lines.join('\n') }];
}

/** JSDoc of a model's declaration: its description, the doc it came from, `@deprecated`. */
export function modelDocs(model: Model): JSDoc[] {
  const source = `Generated from \`${model.file}\` (line ${model.line}).`;
  return jsDoc(model.description === null ? source : `${model.description}\n\n${source}`, model.deprecated ? [['deprecated']] : []);
}
