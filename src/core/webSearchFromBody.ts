// A body's web_search tool options → the form's WebSearchSettings (see toolsFromBody.ts for the rules).
import { isRecord } from './json';
import {
  contentSizeValues,
  defaultWebSearch,
  resultSequenceValues,
  searchCountRange,
  searchRecencyValues,
  type WebSearchSettings,
} from './toolSettings';

type Report = (path: string, message: string) => void;

function oneOf<Value extends string>(values: readonly Value[], value: unknown): Value | undefined {
  return values.find((candidate) => candidate === value);
}

function listed(values: readonly string[]): string {
  return values.map((value) => `"${value}"`).join(', ');
}

export function webSearchFromBody(value: unknown, path: string, problem: Report): WebSearchSettings {
  const settings = defaultWebSearch();
  if (!isRecord(value)) {
    problem(path, `${path} must be an object such as { "enable": true, "search_engine": "search_pro_jina" }.`);
    return settings;
  }
  const field = (name: string) => `${path}.${name}`;
  const {
    enable,
    search_engine: engine,
    count,
    search_recency_filter: recency,
    content_size: contentSize,
    result_sequence: sequence,
    search_result: searchResult,
    require_search: requireSearch,
    search_domain_filter: domainFilter,
    search_prompt: prompt,
    search_query: query,
    ...rest
  } = value;
  if (enable !== true)
    problem(field('enable'), 'The form sends web search only when it is on: set "enable": true or remove the tool.');
  settings.enabled = true;
  if (typeof engine !== 'string' || engine.trim() === '')
    problem(field('search_engine'), `${field('search_engine')} is required, e.g. "search_pro_jina".`);
  else settings.searchEngine = engine;
  if (count !== undefined) {
    if (
      typeof count === 'number' &&
      Number.isInteger(count) &&
      count >= searchCountRange.min &&
      count <= searchCountRange.max
    )
      settings.count = count;
    else problem(field('count'), `${field('count')} must be a whole number from 1 to ${searchCountRange.max}.`);
  }
  if (recency !== undefined) {
    settings.searchRecencyFilter = oneOf(searchRecencyValues, recency) ?? null;
    if (settings.searchRecencyFilter === null)
      problem(field('search_recency_filter'), `Must be one of ${listed(searchRecencyValues)}.`);
  }
  if (contentSize !== undefined) {
    settings.contentSize = oneOf(contentSizeValues, contentSize) ?? null;
    if (settings.contentSize === null) problem(field('content_size'), `Must be one of ${listed(contentSizeValues)}.`);
  }
  if (sequence !== undefined) {
    settings.resultSequence = oneOf(resultSequenceValues, sequence) ?? null;
    if (settings.resultSequence === null)
      problem(field('result_sequence'), `Must be one of ${listed(resultSequenceValues)}.`);
  }
  for (const [name, flag] of [
    ['search_result', searchResult],
    ['require_search', requireSearch],
  ] as const) {
    if (flag !== undefined && typeof flag !== 'boolean') problem(field(name), `${field(name)} must be true or false.`);
  }
  settings.searchResult = searchResult === true;
  settings.requireSearch = requireSearch === true;
  // Free-text options: strings go into the form; anything else the form cannot hold.
  const texts = [
    ['search_domain_filter', 'searchDomainFilter', domainFilter],
    ['search_prompt', 'searchPrompt', prompt],
    ['search_query', 'searchQuery', query],
  ] as const;
  for (const [name, key, text] of texts) {
    if (text === undefined) continue;
    if (typeof text === 'string') settings[key] = text;
    else problem(field(name), `${field(name)} must be a string.`);
  }
  settings.otherFields = rest;
  return settings;
}
