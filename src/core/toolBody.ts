// The tool fields of a request body, built from the form's ToolSettings (docs/wire-format.md#tools):
// - `tools` only when at least one tool is on: enabled function tools whose parameters parse, then web_search
//   (never on vision models: their request schema takes function tools only);
// - `tool_choice: "auto"` only when the user chose to state it, and only with tools;
// - `tool_stream: true` only with tools, streaming on and a model that streams tool calls.
import { isRecord } from './json';
import type { ModelInfo } from './models';
import { enabledFunctions, type ToolSettings, type WebSearchSettings } from './toolSettings';

export interface ToolBodyFields {
  tools?: Record<string, unknown>[];
  tool_choice?: 'auto';
  tool_stream?: true;
}

/** The parameters text as a JSON object, or null when it is not one (validation says why). */
export function parsedParameters(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return isRecord(value) ? value : null;
  } catch {
    return null;
  }
}

/** The web_search tool entry: enable and search_engine always, the options only where they differ from default. */
export function webSearchTool(webSearch: WebSearchSettings): Record<string, unknown> {
  const options: Record<string, unknown> = { ...webSearch.otherFields };
  options.enable = true;
  options.search_engine = webSearch.searchEngine.trim();
  if (webSearch.searchQuery.trim() !== '') options.search_query = webSearch.searchQuery;
  if (webSearch.count !== null) options.count = webSearch.count;
  if (webSearch.searchDomainFilter.trim() !== '') options.search_domain_filter = webSearch.searchDomainFilter.trim();
  if (webSearch.searchRecencyFilter !== null) options.search_recency_filter = webSearch.searchRecencyFilter;
  if (webSearch.contentSize !== null) options.content_size = webSearch.contentSize;
  if (webSearch.resultSequence !== null) options.result_sequence = webSearch.resultSequence;
  if (webSearch.searchResult) options.search_result = true;
  if (webSearch.requireSearch) options.require_search = true;
  if (webSearch.searchPrompt.trim() !== '') options.search_prompt = webSearch.searchPrompt;
  return { type: 'web_search', web_search: options };
}

/** The vision models' request schema takes function tools only: no web_search entry. */
export function takesWebSearch(model: ModelInfo): boolean {
  return model.vision.length === 0;
}

/** Can "Stream tool calls" be sent? When not, why (shown next to the disabled checkbox). */
export function toolStreamAvailability(model: ModelInfo, stream: boolean): { available: boolean; reason: string } {
  if (model.toolStream === 'no') return { available: false, reason: `${model.id} does not stream tool calls.` };
  if (!stream) return { available: false, reason: 'Needs Stream on: tool calls are streamed only in a stream.' };
  if (model.toolStream === 'unconfirmed')
    return { available: true, reason: `Unconfirmed for ${model.id}: the model may ignore it.` };
  return { available: true, reason: 'Tool-call arguments arrive as they are generated (tool_stream).' };
}

export function toolBodyFields(tools: ToolSettings, model: ModelInfo, stream: boolean): ToolBodyFields {
  const entries: Record<string, unknown>[] = [];
  for (const tool of enabledFunctions(tools)) {
    const parameters = parsedParameters(tool.parameters);
    // An unparsable schema blocks Send (see toolValidation.ts); the preview leaves that tool out meanwhile.
    if (parameters === null) continue;
    entries.push({ type: 'function', function: { name: tool.name, description: tool.description, parameters } });
  }
  if (tools.webSearch.enabled && takesWebSearch(model)) entries.push(webSearchTool(tools.webSearch));
  if (entries.length === 0) return {};
  const fields: ToolBodyFields = { tools: entries };
  if (tools.choice === 'auto') fields.tool_choice = 'auto';
  if (tools.stream && toolStreamAvailability(model, stream).available) fields.tool_stream = true;
  return fields;
}
