/**
 * A cheap scan of a doc's model names, line by line, without the Markdown parser: what a rooted
 * run needs to find a model by name without parsing every doc of the tree.
 *
 * @module
 */

/** YAML front matter at the top of a doc: `---`, `key: value` lines, `---` (or `...`). */
export interface FrontMatter {
  /** The `title:` value (quotes removed), or null when there is none. */
  title: string | null;
  /** 1-based line of the `title:` key (1 when there is none). */
  titleLine: number;
  /** Offset just after the closing `---` line (its line break included): where the body starts. */
  end: number;
}

/**
 * Read the YAML front matter of a doc (text normalized: LF line ends, no BOM): the block between a
 * first line `---` and the next line `---` or `...`. Only a plain `title:` key is read (quoted
 * `"X"` / `'X'` or bare); other keys are ignored. Seen in the `.mdx` model docs SDK generators
 * write since 2026 (`---\ntitle: "Pet"\n---` instead of a `# Pet` heading).
 *
 * @returns the front matter, or null when the doc does not start with one (or it is not closed)
 */
export function readFrontMatter(text: string): FrontMatter | null {
  if (!/^---[ \t]*\n/.test(text)) return null;
  const close = /\n(?:---|\.\.\.)[ \t]*(?:\n|$)/g;
  close.lastIndex = 3;
  const found = close.exec(text);
  if (!found) return null;
  const body = text.slice(0, found.index);
  let title: string | null = null;
  let titleLine = 1;
  body.split('\n').forEach((line, i) => {
    const m = /^title[ \t]*:[ \t]*(.*?)[ \t]*$/.exec(line);
    if (!m || title !== null) return;
    title = yamlScalar(m[1]!);
    titleLine = i + 1;
  });
  return { title: title === '' ? null : title, titleLine, end: found.index + found[0].length };
}

/** A YAML flow scalar as written on one line: `"a \" b"`, `'it''s'`, or bare (a ` #` comment cut). */
function yamlScalar(raw: string): string {
  if (raw.startsWith('"')) {
    const m = /^"((?:[^"\\]|\\.)*)"/.exec(raw);
    return m ? m[1]!.replace(/\\(.)/g, (_, c: string) => ({ n: '\n', t: '\t' })[c] ?? c) : raw.slice(1);
  }
  if (raw.startsWith("'")) {
    const m = /^'((?:[^']|'')*)'/.exec(raw);
    return m ? m[1]!.replace(/''/g, "'") : raw.slice(1);
  }
  return raw.replace(/[ \t]+#.*$/, '');
}

/** One model name a scan found: its id (`file`, or `file#anchor` for a further model of the doc) and title. */
export interface ScannedModel {
  id: string;
  title: string;
  /**
   * True when the heading holds Markdown the scan does not read for sure (emphasis, HTML,
   * entities): the caller parses the doc to learn the exact title.
   */
  uncertain: boolean;
}

/**
 * The models of a doc as a line scan sees them, the way {@link parseDoc} reads them: the first
 * `# Title` (ATX or `===` setext) heading outside code fences and HTML comments, else the front
 * matter's `title:`; then each `## Name` heading followed by `### Fields` / `### Values` before
 * the next `##` (a further model, id `file#anchor`, anchors made unique as parseDoc does).
 *
 * @param text the doc's text, normalized (see `normalizeSource`)
 * @param file the doc's id
 * @returns the models (none for a doc with no title: not a model doc)
 */
export function scanModels(text: string, file: string): ScannedModel[] {
  const front = readFrontMatter(text);
  const lines = (front ? text.slice(front.end) : text).split('\n');
  const headings: { depth: number; text: string }[] = [];
  let fence: RegExp | null = null;
  let comment = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (comment) {
      if (line.includes('-->')) comment = false;
      continue;
    }
    // Only a line whose first non-blank character (3 spaces of indent at most) is one of these can
    // open or close a fence, a comment or a heading, or underline a setext heading.
    const lead = line.charCodeAt(0) === 32 ? line.trimStart() : line;
    if (line.length - lead.length > 3 || !LEADS.has(lead.charCodeAt(0))) continue;
    if (fence !== null) {
      if (fence.test(line)) fence = null;
      continue;
    }
    const open = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (open && !(open[1]![0] === '`' && line.slice(open[0].length).includes('`'))) {
      fence = new RegExp(`^ {0,3}${open[1]![0] === '`' ? '`' : '~'}{${open[1]!.length},}[ \\t]*$`);
      continue;
    }
    if (/^ {0,3}<!--/.test(line)) {
      comment = !line.includes('-->');
      continue;
    }
    const atx = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*$/.exec(line);
    if (atx) {
      headings.push({ depth: atx[1]!.length, text: (atx[2] ?? '').replace(/(^|[ \t]+)#+$/, '').trim() });
      continue;
    }
    // A setext `Title\n===` underline below a one-line paragraph (after a blank line or at the top).
    if (/^ {0,3}=+[ \t]*$/.test(line) && i > 0) {
      const title = lines[i - 1]!;
      if (
        /^ {0,3}\S/.test(title) &&
        !/^ {0,3}([>|*+-]|\d+[.)]|#{1,6}([ \t]|$))/.test(title) &&
        (i === 1 || lines[i - 2]!.trim() === '') &&
        !openerOrCloser(title)
      ) {
        headings.push({ depth: 1, text: title.trim() });
      }
    }
  }
  const first = headings.findIndex((h) => h.depth === 1);
  const models: ScannedModel[] = [];
  if (first !== -1) models.push(model(headings[first]!.text, file));
  else if (front?.title) models.push({ id: file, title: front.title, uncertain: false });
  else return [];
  // Further models: `## Name` with a `### Fields` / `### Values` before the next `##`.
  const rest = first === -1 ? headings : headings.slice(first + 1);
  const end = rest.findIndex((h) => h.depth === 1);
  const body = end === -1 ? rest : rest.slice(0, end);
  body.forEach((h, i) => {
    if (h.depth !== 2 || SECTIONS.has(h.text.toLowerCase())) return;
    for (const next of body.slice(i + 1)) {
      if (next.depth <= 2) return;
      const name = next.text.toLowerCase();
      if (name === 'fields' || name === 'values') {
        models.push(model(h.text, file));
        return;
      }
    }
  });
  if (models.length > 1) {
    const seen = new Set<string>();
    for (const [i, m] of models.entries()) {
      const base = slug(m.title);
      let anchor = base;
      for (let n = 1; seen.has(anchor); n++) anchor = `${base}-${n}`;
      seen.add(anchor);
      if (i > 0) m.id = `${file}#${anchor}`;
    }
  }
  return models;
}

/** First characters of the lines {@link scanModels} reads: `#`, a backtick, `~`, `<`, `=`. */
const LEADS = new Set([0x23, 0x60, 0x7e, 0x3c, 0x3d]);

/** True for a line the scan reads as something else than paragraph text (a fence or comment opener). */
function openerOrCloser(line: string): boolean {
  return /^ {0,3}(`{3,}|~{3,}|<!--)/.test(line) || line.includes('-->');
}

/** Section headings parseDoc reads as part of the model above them. */
const SECTIONS = new Set(['fields', 'values', 'supported types', 'example usage']);

function model(raw: string, file: string): ScannedModel {
  const { text, uncertain } = headingText(raw);
  return { id: file, title: text, uncertain };
}

/**
 * A heading's text as `mdast-util-to-string` gives it, for the spellings model docs use: code
 * spans, `~~strike~~`, `**strong**`, backslash escapes and `[text](target)` links. Anything else
 * that is Markdown (`*`, `_` next to punctuation or spaces, `<`, `&`, `!`, `[`) makes it uncertain.
 */
function headingText(raw: string): { text: string; uncertain: boolean } {
  let uncertain = false;
  const codes: string[] = [];
  const text = raw
    .replace(/(`+)(?!`)([\s\S]*?[^`])\1(?!`)/g, (_, __, code: string) => {
      codes.push(/^ .* $/.test(code) && code.trim() !== '' ? code.slice(1, -1) : code);
      return `\u0000${codes.length - 1}\u0000`;
    })
    .replace(/~~(?=\S)([\s\S]*?\S)~~/g, '$1')
    .replace(/\*\*(?=\S)([\s\S]*?\S)\*\*/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\\([!-/:-@[-`{-~])|([*<&![\]~`\\]|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}]))/gu, (all, escaped: string | undefined) => {
      if (escaped !== undefined) return escaped;
      uncertain = true;
      return all;
    })
    // eslint-disable-next-line no-control-regex -- NUL brackets the placeholders this puts back
    .replace(/\u0000(\d+)\u0000/g, (_, i: string) => codes[Number(i)]!);
  return { text: text.trim(), uncertain };
}

/**
 * GitHub's heading anchor: lower case, punctuation other than `-` and `_` removed, spaces as `-`.
 */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}
