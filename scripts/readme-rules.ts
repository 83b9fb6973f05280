/**
 * `npm run readme:rules`: rewrite the parts of README.md that come from the rule registry (`RULES`
 * in src/core/diagnostics.ts): the rule table ("Exit codes and diagnostics", between the
 * `<!-- rules:start -->` and `<!-- rules:end -->` markers) and the list of the inferences
 * `docs2ts explain` prints (between `<!-- explain:start -->` and `<!-- explain:end -->`).
 * test/readme.test.ts keeps them equal.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RULES } from '../src/core/diagnostics.js';

/** The rule table as Markdown: one row per rule id, in registry order. */
export function ruleTable(): string {
  const rows = Object.entries(RULES).map(
    ([id, rule]) => `| \`${id}\` | ${rule.severity} | ${rule.inference ? 'yes' : ''} | ${rule.when.replace(/\|/g, '\\|')} |`,
  );
  return ['| rule | severity | explain | when |', '|---|---|---|---|', ...rows].join('\n');
}

/** The rules `docs2ts explain` lists, as one Markdown paragraph, in registry order. */
export function explainList(): string {
  const ids = Object.entries(RULES).flatMap(([id, rule]) => (rule.inference ? [`\`${id}\``] : []));
  return `\`docs2ts explain\` (and \`explain()\` of the API) lists the diagnostics of these rules: ${ids.join(', ')}.`;
}

/** `text` with what lies between `<!-- name:start -->` and `<!-- name:end -->` replaced. @throws {Error} when a marker is missing */
function replaceBlock(text: string, name: string, body: string): string {
  const open = `<!-- ${name}:start -->`;
  const start = text.indexOf(open);
  const end = text.indexOf(`<!-- ${name}:end -->`);
  if (start === -1 || end < start) throw new Error(`README.md has no ${open} … <!-- ${name}:end --> block`);
  return `${text.slice(0, start)}${open}\n${body}\n${text.slice(end)}`;
}

/** README text with the rule table and the explain list replaced. @throws {Error} when a marker is missing */
export function withRuleTable(readme: string): string {
  return replaceBlock(replaceBlock(readme, 'rules', ruleTable()), 'explain', explainList());
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const file = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../README.md');
  fs.writeFileSync(file, withRuleTable(fs.readFileSync(file, 'utf8')));
}
