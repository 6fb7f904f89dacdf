// Web search results in a reply (docs/wire-format.md#web-search): the top-level `web_search` array, read loosely.
// Anything may arrive there, so only string fields are kept, entries with neither a title nor a link are dropped,
// and a result seen again (by link, else by title) is kept once, first seen first.
import type { WebSearchSource } from './contracts';
import { isRecord } from './json';

/** More results than the API returns for one search (its `count` goes up to 50), with room for a second search. */
export const maxWebSearchSources = 100;
/** A summary longer than this is cut: it is kept with the reply in browser storage. */
const maxSummaryLength = 2000;

const stringFields = {
  title: 'title',
  link: 'link',
  content: 'content',
  media: 'media',
  icon: 'icon',
  refer: 'refer',
  publishDate: 'publish_date',
} as const satisfies Record<keyof WebSearchSource, string>;

function sourceFrom(entry: unknown): WebSearchSource | null {
  if (!isRecord(entry)) return null;
  const source: WebSearchSource = {};
  for (const [field, wireName] of Object.entries(stringFields) as [keyof WebSearchSource, string][]) {
    const value = entry[wireName];
    if (typeof value === 'string' && value.trim() !== '') source[field] = value.trim();
  }
  // `refer` is a reference number; some replies may send it as a number.
  if (source.refer === undefined && typeof entry.refer === 'number') source.refer = String(entry.refer);
  if (source.content !== undefined && source.content.length > maxSummaryLength)
    source.content = `${source.content.slice(0, maxSummaryLength)}…`;
  return source.title !== undefined || source.link !== undefined ? source : null;
}

function sourceKey(source: WebSearchSource): string {
  return source.link !== undefined ? `link:${source.link}` : `title:${source.title ?? ''}`;
}

/** `earlier` followed by the results of `later` not already in it (by link, else title), at most the cap. */
export function mergeWebSearchSources(
  earlier: readonly WebSearchSource[],
  later: readonly WebSearchSource[],
): WebSearchSource[] {
  const seen = new Set(earlier.map(sourceKey));
  const merged = [...earlier];
  for (const source of later) {
    if (merged.length >= maxWebSearchSources) break;
    const key = sourceKey(source);
    if (seen.has(key)) continue;
    seen.add(key);
    merged.push(source);
  }
  return merged;
}

/** A `web_search` value from a chunk or body → its usable results, de-duplicated; [] for anything else. */
export function webSearchSourcesFrom(value: unknown): WebSearchSource[] {
  if (!Array.isArray(value)) return [];
  const sources: WebSearchSource[] = [];
  for (const entry of value.slice(0, maxWebSearchSources * 2)) {
    const source = sourceFrom(entry);
    if (source) sources.push(source);
  }
  return mergeWebSearchSources([], sources);
}
