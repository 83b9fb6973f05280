import remarkParse from 'remark-parse';
import { unified } from 'unified';
import fs from 'node:fs';
import remarkGfmTables from './src/parse/gfm.js';
import { parseInPieces } from './src/parse/markdown.js';
const whole = unified().use(remarkParse).use(remarkGfmTables);
const cases: Record<string, string> = JSON.parse(fs.readFileSync(process.argv[2]!, 'utf8'));
for (const [name, text] of Object.entries(cases)) {
  for (const chunk of [1, 2, 3]) {
    let a: string, b: string, pieces = -1;
    try { const r = parseInPieces(text, chunk); pieces = r.pieces; a = JSON.stringify(r.tree); } catch (e) { console.log(name, chunk, 'CRASH', (e as Error).stack?.split('\n').slice(0,3).join(' | ')); continue; }
    b = JSON.stringify(whole.parse(text));
    if (a !== b) {
      let i = 0; while (a[i] === b[i]) i++;
      console.log(name, 'chunk', chunk, 'pieces', pieces, 'DIFF at', i, '\n  pieces:', a.slice(Math.max(0,i-150), i+150), '\n  whole :', b.slice(Math.max(0,i-150), i+150));
    } else console.log(name, 'chunk', chunk, 'same, pieces', pieces);
  }
}
