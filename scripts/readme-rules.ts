/**
 * `npm run readme:rules`: rewrite the rule table of README.md ("Exit codes and diagnostics")
 * from the rule registry (`RULES` in src/core/diagnostics.ts), between the
 * `<!-- rules:start -->` and `<!-- rules:end -->` markers. test/readme.test.ts keeps them equal.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RULES } from '../src/core/diagnostics.js';

/** The rule table as Markdown: one row per rule id, in registry order. */
export function ruleTable(): string {
  const rows = Object.entries(RULES).map(([id, rule]) => `| \`${id}\` | ${rule.severity} | ${rule.when.replace(/\|/g, '\\|')} |`);
  return ['| rule | severity | when |', '|---|---|---|', ...rows].join('\n');
}

/** README text with the table between the markers replaced. @throws {Error} when a marker is missing */
export function withRuleTable(readme: string): string {
  const start = readme.indexOf('<!-- rules:start -->');
  const end = readme.indexOf('<!-- rules:end -->');
  if (start === -1 || end < start) throw new Error('README.md has no <!-- rules:start --> … <!-- rules:end --> block');
  return `${readme.slice(0, start)}<!-- rules:start -->\n${ruleTable()}\n${readme.slice(end)}`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const file = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../README.md');
  fs.writeFileSync(file, withRuleTable(fs.readFileSync(file, 'utf8')));
}
