/**
 * Rename the columns of a PostgREST logic filter string, as passed to `.or()` / `.and()`-style filters:
 * `isAdmin.eq.true,and(age.gt.18,not.and(a.is.null)),tags.cs.{a,b},name.in.("x,y")`.
 */
import type { StringReplacement } from './postgrest-select.js';

const GROUP = /^(?:not\.)?(?:and|or)\(/;

/** The replacements for the filter string; null when it is not a filter list this parser knows. */
export function getFilterReplacements(filter: string, columns: ReadonlyMap<string, string>): StringReplacement[] | null {
  const out: StringReplacement[] = [];
  let index = 0;
  let depth = 0;
  for (;;) {
    while (/\s/.test(filter[index] ?? '')) index++;
    const group = GROUP.exec(filter.slice(index));
    if (group) {
      index += group[0].length;
      depth++;
      continue;
    }
    const start = index;
    while (index < filter.length && !/[.,()\s]/.test(filter[index] ?? '') && !filter.startsWith('->', index)) index++;
    if (index === start) return null;
    const to = columns.get(filter.slice(start, index));
    if (to !== undefined) out.push({ start, end: index, text: to });
    // The operator and value, up to the `,` or `)` of this level (values may hold `(a,b)`, `{a,b}`, `"x,y"`).
    let nesting = 0;
    while (index < filter.length) {
      const char = filter[index];
      if (char === '"') {
        const close = filter.indexOf('"', index + 1);
        if (close === -1) return null;
        index = close + 1;
        continue;
      }
      if (char === '(' || char === '{') nesting++;
      else if ((char === ')' || char === '}') && nesting > 0) nesting--;
      else if ((char === ',' || char === ')') && nesting === 0) break;
      index++;
    }
    while (filter[index] === ')' && depth > 0) {
      depth--;
      index++;
    }
    if (index >= filter.length) return depth === 0 ? out : null;
    if (filter[index] !== ',') return null;
    index++;
  }
}
