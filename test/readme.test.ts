/** README.md's rule table and explain list are the rule registry's (`npm run readme:rules` rewrites them). */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { withRuleTable } from '../scripts/readme-rules.js';
import { ROOT } from './helpers.js';

describe('README', () => {
  it('lists every rule of the registry (severity, inference or not, when it fires) and the rules explain lists', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    expect(readme).toBe(withRuleTable(readme));
  });
});
