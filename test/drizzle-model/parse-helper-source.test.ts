import { describe, expect, it } from 'vitest';
import { parseHelperSource } from '../../drizzle-model/index.js';

/** The parts of a helper definition that rules compare, as plain values. */
function summarize(source: string, dialect: 'pg' | 'mysql' | 'sqlite' = 'pg') {
  const helper = parseHelperSource('h', source, dialect);
  if (!helper) return null;
  const { chain } = helper;
  return {
    params: helper.params,
    builder: `${chain.dialect}:${chain.builder}`,
    name: chain.name,
    config: chain.config?.properties.length ?? null,
    links: chain.links.map((l) => `${l.name}/${l.args.length}`),
  };
}

describe('parseHelperSource', () => {
  it('reads a bare chain as a helper without parameters', () => {
    expect(summarize("timestamp('created_at', { precision: 3, mode: 'string' }).defaultNow().notNull()")).toEqual({
      params: [],
      builder: 'pg:timestamp',
      name: { kind: 'literal', value: 'created_at', node: expect.objectContaining({ value: 'created_at' }) },
      config: 2,
      links: ['defaultNow/0', 'notNull/0'],
    });
  });

  it('reads an arrow function whose parameter is the name, in the given dialect', () => {
    expect(summarize("(name: string, size = 'x') => varchar(name, { length: 255 }).notNull().references(() => users.id)", 'mysql')).toEqual({
      params: [
        { name: 'name', defaultValue: null },
        { name: 'size', defaultValue: 'x' },
      ],
      builder: 'mysql:varchar',
      name: { kind: 'param', index: 0 },
      config: 1,
      links: ['notNull/0', 'references/1'],
    });
  });

  it('returns null for text that is not a column chain, and for table functions', () => {
    expect(summarize('42')).toBeNull();
    expect(summarize("pgTable('x', {})")).toBeNull();
    // The text is parsed as one parenthesized expression: closing it early leaves two statements.
    expect(summarize("uuid('a')); (uuid('b')")).toBeNull();
  });

  it('throws a clear error when the text does not parse', () => {
    expect(() => parseHelperSource('broken', "uuid('id'", 'pg')).toThrow(/^eslint-plugin-drizzle-schema: the body of helper broken does not parse: /);
  });
});
