/**
 * The model stage's passes (src/model/passes/): the context is made once, with the roots and the
 * notation settled before any pass runs; the `reach` pass reads exactly the roots' closure, each
 * doc once, with the transform of its kind.
 */
import { describe, expect, it } from 'vitest';
import { createContext } from '../src/model/passes/context.js';
import { reach, type Transforms } from '../src/model/passes/graph.js';
import { transformEnum } from '../src/model/passes/enums.js';
import { transformObject } from '../src/model/passes/objects.js';
import { transformUnion } from '../src/model/passes/unions.js';
import { ruby } from '../src/notation/ruby.js';
import { memoryDocSource } from '../src/parse/files.js';

const table = (rows: string[]): string => ['| Field | Type | Required | Description |', '| --- | --- | --- | --- |', ...rows].join('\n');
const doc = (title: string, rows: string[]): string => `# ${title}\n\n## Fields\n\n${table(rows)}\n`;
const row = (name: string, type: string): string => `| \`${name}\` | ${type} | :heavy_check_mark: | N/A |`;

const source = memoryDocSource({
  'shared/pet.md': doc('Pet', [row('owner', '[Shared::Owner](../../models/shared/owner.md)'), row('kind', '[Shared::Kind](../../models/shared/kind.md)')]),
  'shared/owner.md': doc('Owner', [row('pets', 'T::Array[[Shared::Pet](../../models/shared/pet.md)]')]),
  'shared/kind.md': '# Kind\n\n## Values\n\n| Name | Value |\n| --- | --- |\n| `CAT` | cat |\n| `DOG` | dog |\n',
  'shared/unrelated.md': doc('Unrelated', [row('id', '*::String*')]),
});

describe('createContext', () => {
  it('resolves the roots and detects the notation once, before any pass', () => {
    const ctx = createContext(source, { roots: ['Pet', 'Nope'] });
    expect(ctx.roots).toEqual(['shared/pet.md']);
    expect(ctx.notation.label).toBe(ruby.label);
    expect(ctx.diagnostics.map((d) => d.ruleId).sort()).toEqual(['notation-detected', 'root-missing']);
    expect(ctx.models.size).toBe(0);
  });

  it('takes the notation from the options without a word, and every model as roots when none is named', () => {
    const ctx = createContext(source, { roots: [], notation: ruby });
    expect(ctx.notation).toBe(ruby);
    expect([...ctx.roots].sort()).toEqual(['shared/kind.md', 'shared/owner.md', 'shared/pet.md', 'shared/unrelated.md']);
    expect(ctx.diagnostics).toEqual([]);
  });
});

describe('reach', () => {
  it('reads the closure of the roots, cycles included, each doc once with the transform of its kind', () => {
    const ctx = createContext(source, { roots: ['Pet'], notation: ruby });
    const read: string[] = [];
    const recording =
      (transform: Transforms['fields']): Transforms['fields'] =>
      (c, d) => {
        read.push(`${d.kind} ${d.id}`);
        return transform(c, d);
      };
    reach(ctx, { fields: recording(transformObject), none: recording(transformObject), values: recording(transformEnum), union: recording(transformUnion) });
    expect(read).toEqual(['fields shared/pet.md', 'fields shared/owner.md', 'values shared/kind.md']);
    expect([...ctx.models.keys()]).toEqual(['shared/pet.md', 'shared/owner.md', 'shared/kind.md']);
    expect(ctx.models.get('shared/kind.md')).toMatchObject({ kind: 'enum', name: 'Kind', values: [{ value: 'cat' }, { value: 'dog' }] });
    expect(ctx.queue).toEqual([]);
  });
});
