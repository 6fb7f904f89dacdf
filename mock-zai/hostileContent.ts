// Replies whose size or shape strains a Markdown renderer: megabytes of text, a table of tens of thousands of cells,
// tens of thousands of emphasis markers, quotes and lists nested thousands deep. Each ends with `hostileEndLine`, so
// a test can tell that nothing was lost.
import { longMarkdown } from './content.ts';

/** The last line of every hostile reply. */
export const hostileEndLine = 'End of the hostile reply.';

function withEnd(text: string): string {
  return `${text}\n\n${hostileEndLine}`;
}

/** About `characters` characters of varied Markdown (headings, lists, tables, code), then the end line. */
export function hugeMarkdown(characters: number): string {
  return withEnd(longMarkdown(characters));
}

/** A GitHub table of `rows` × `columns` short cells under a header row, then the end line. */
export function hugeTable(rows: number, columns: number): string {
  const header = `| ${Array.from({ length: columns }, (_, column) => `Column ${column + 1}`).join(' | ')} |`;
  const rule = `|${' --- |'.repeat(columns)}`;
  const body = Array.from(
    { length: rows },
    (_, row) => `| ${Array.from({ length: columns }, (_, column) => `r${row + 1}c${column + 1}`).join(' | ')} |`,
  );
  return withEnd([header, rule, ...body].join('\n'));
}

/** One paragraph of `markers` emphasis markers (`*word*` pairs), then the end line. */
export function emphasisMarkers(markers: number): string {
  return withEnd(
    Array.from({ length: Math.ceil(markers / 2) }, (_, index) => `*word${index + 1}*`)
      .join(' ')
      .trim(),
  );
}

/** A quote nested `depth` levels deep, a list nested as deep (`- - - …` on one line), then the end line. */
export function nestingBomb(depth: number): string {
  return withEnd(`${'> '.repeat(depth)}deep quote\n\n${'- '.repeat(depth)}deep list`);
}
