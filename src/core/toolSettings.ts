// The tools a request carries, as the form holds them: function tools (parameters kept as the JSON text the user
// edits), the built-in web_search tool, tool_choice and tool_stream. See docs/wire-format.md#tools.

/** One function tool. Only enabled tools are sent; `parameters` is parsed when the body is built. */
export interface FunctionToolDefinition {
  id: string;
  enabled: boolean;
  name: string;
  description: string;
  /** A JSON Schema object, as the text the user edits. */
  parameters: string;
}

export const searchRecencyValues = ['oneDay', 'oneWeek', 'oneMonth', 'oneYear', 'noLimit'] as const;
export type SearchRecency = (typeof searchRecencyValues)[number];
export const contentSizeValues = ['medium', 'high'] as const;
export type ContentSize = (typeof contentSizeValues)[number];
export const resultSequenceValues = ['before', 'after'] as const;
export type ResultSequence = (typeof resultSequenceValues)[number];

/** The engines the docs name: the schema's default and the one the SDK examples use. */
export const searchEngines = ['search_pro_jina', 'search_pro'] as const;
export const defaultSearchEngine = 'search_pro_jina';
export const searchCountRange = { min: 1, max: 50 } as const;

/**
 * The web_search tool. An option left at null or '' (false for the switches) is the API default and not sent;
 * `search_engine` is required, so it is always sent.
 */
export interface WebSearchSettings {
  enabled: boolean;
  searchEngine: string;
  count: number | null;
  searchDomainFilter: string;
  searchRecencyFilter: SearchRecency | null;
  contentSize: ContentSize | null;
  resultSequence: ResultSequence | null;
  searchResult: boolean;
  requireSearch: boolean;
  searchPrompt: string;
  searchQuery: string;
  /** web_search fields the form has no control for (such as search_intent), sent as written. */
  otherFields: Record<string, unknown>;
}

/** `tool_choice` has one allowed value, "auto" (the API default): leave it out, or state it. */
export type ToolChoice = 'unset' | 'auto';

export interface ToolSettings {
  functions: FunctionToolDefinition[];
  webSearch: WebSearchSettings;
  choice: ToolChoice;
  /** Stream tool-call arguments (`tool_stream`), on models that support it and with streaming on. */
  stream: boolean;
}

export const maxFunctionTools = 128;

export function defaultWebSearch(): WebSearchSettings {
  return {
    enabled: false,
    searchEngine: defaultSearchEngine,
    count: null,
    searchDomainFilter: '',
    searchRecencyFilter: null,
    contentSize: null,
    resultSequence: null,
    searchResult: false,
    requireSearch: false,
    searchPrompt: '',
    searchQuery: '',
    otherFields: {},
  };
}

export function defaultToolSettings(): ToolSettings {
  return { functions: [], webSearch: defaultWebSearch(), choice: 'unset', stream: false };
}

/** A parameters text for a tool without arguments yet. */
export const emptyParametersText = '{\n  "type": "object",\n  "properties": {}\n}';

/** An id not used in `tools`: "tool-" and the next number. */
export function nextToolId(tools: readonly Pick<FunctionToolDefinition, 'id'>[]): string {
  let highest = 0;
  for (const tool of tools) {
    const number = /^tool-(\d+)$/.exec(tool.id)?.[1];
    if (number !== undefined) highest = Math.max(highest, Number(number));
  }
  return `tool-${highest + 1}`;
}

export function enabledFunctions(tools: ToolSettings): FunctionToolDefinition[] {
  return tools.functions.filter((tool) => tool.enabled);
}
