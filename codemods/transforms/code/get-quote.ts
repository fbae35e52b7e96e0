import type { QuoteChar } from './string-content.js';

/** The string quote a file mostly uses, for text the codemod must write quoted (a key, a new name argument). */
export function getQuote(source: string): QuoteChar {
  return (source.match(/"/g)?.length ?? 0) > (source.match(/'/g)?.length ?? 0) ? '"' : "'";
}
