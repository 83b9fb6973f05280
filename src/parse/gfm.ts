/**
 * The two GitHub Flavored Markdown constructs model docs use, as a unified plugin: tables
 * (`micromark-extension-gfm-table` + `mdast-util-gfm-table`, for the Fields and Values tables)
 * and strikethrough (`~~Name~~` marks deprecated models and fields). remark-gfm adds autolink
 * literals, footnotes and task lists too, which no doc shape reads: leaving them out makes the
 * Markdown stage about a quarter faster (autolink literals look at every character), with the
 * same tree for what docs2ts reads (the corpus trees' IR is compared in the tests).
 *
 * @module
 */

import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import type { Processor } from 'unified';

/** Add GFM tables and strikethrough to the Markdown parser (`unified().use(remarkParse).use(remarkGfmTables)`). */
export default function remarkGfmTables(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmTable(), gfmStrikethrough());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown(), gfmStrikethroughFromMarkdown());
}
