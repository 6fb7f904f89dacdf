// A body's tool fields → the form's ToolSettings, for the JSON tab, share links, the cURL import, the history and
// saved states from before the form had tools. What the form could not send back the same way is reported as a
// problem (ignored where the body is already trusted). See docs/wire-format.md#tools.
import { isRecord } from './json';
import { childPath } from './jsonPaths';
import type { ModelInfo } from './models';
import { toolStreamAvailability } from './toolBody';
import { webSearchFromBody } from './webSearchFromBody';
import { defaultToolSettings, nextToolId, type FunctionToolDefinition, type ToolSettings } from './toolSettings';

export type Report = (path: string, message: string) => void;
const ignoreProblems: Report = () => undefined;

export interface ToolFieldsInBody {
  tools?: unknown;
  tool_choice?: unknown;
  tool_stream?: unknown;
}

const functionFields = new Set(['name', 'description', 'parameters']);

function functionFrom(value: unknown, path: string, id: string, problem: Report): FunctionToolDefinition | null {
  if (!isRecord(value)) {
    problem(path, `${path} must be an object with "name", "description" and "parameters".`);
    return null;
  }
  for (const name of Object.keys(value))
    if (!functionFields.has(name)) problem(childPath(path, name), `${childPath(path, name)} is not supported here.`);
  const { name, description, parameters } = value;
  if (typeof name !== 'string') problem(`${path}.name`, `${path}.name is required: a string.`);
  if (typeof description !== 'string')
    problem(`${path}.description`, `${path}.description is required: a string saying when to call the tool.`);
  if (!isRecord(parameters))
    problem(`${path}.parameters`, `${path}.parameters is required: a JSON Schema object ({ "type": "object", … }).`);
  return {
    id,
    enabled: true,
    name: typeof name === 'string' ? name : '',
    description: typeof description === 'string' ? description : '',
    parameters: parameters === undefined ? '' : JSON.stringify(parameters, null, 2),
  };
}

/** Maps `tools`, `tool_choice` and `tool_stream`; `stream` is whether the body streams. */
export function toolSettingsFromBody(
  body: ToolFieldsInBody,
  model: ModelInfo,
  stream: boolean,
  problem: Report = ignoreProblems,
): ToolSettings {
  const settings = defaultToolSettings();
  if (body.tools !== undefined && !Array.isArray(body.tools))
    problem('tools', 'tools must be a list of { "type": "function" } or { "type": "web_search" } objects.');
  const entries: unknown[] = Array.isArray(body.tools) ? body.tools : [];
  entries.forEach((entry, index) => {
    const path = childPath('tools', index);
    if (!isRecord(entry)) {
      problem(path, `${path} must be an object with a "type".`);
      return;
    }
    for (const name of Object.keys(entry))
      if (name !== 'type' && name !== entry.type)
        problem(childPath(path, name), `${childPath(path, name)} does not belong in a ${String(entry.type)} tool.`);
    if (entry.type === 'function') {
      const tool = functionFrom(entry.function, `${path}.function`, `tool-${settings.functions.length + 1}`, problem);
      if (tool) settings.functions.push(tool);
    } else if (entry.type === 'web_search') {
      if (settings.webSearch.enabled) problem(path, 'web_search appears twice; keep one.');
      settings.webSearch = webSearchFromBody(entry.web_search, `${path}.web_search`, problem);
    } else if (entry.type === 'retrieval') {
      problem(path, 'Retrieval tools are not supported by the playground yet; remove this one.');
    } else problem(`${path}.type`, `${path}.type must be "function" or "web_search".`);
  });
  const hasTools = entries.length > 0;
  if (body.tool_choice === 'auto') {
    settings.choice = 'auto';
    if (!hasTools) problem('tool_choice', 'tool_choice is sent only with tools; add a tool or remove it.');
  } else if (body.tool_choice !== undefined)
    problem('tool_choice', 'tool_choice takes only "auto" (the API allows no other value).');
  if (body.tool_stream === true) {
    settings.stream = true;
    const availability = toolStreamAvailability(model, stream);
    if (!hasTools) problem('tool_stream', 'tool_stream is sent only with tools; add a tool or remove it.');
    else if (!availability.available) problem('tool_stream', `tool_stream cannot be sent: ${availability.reason}`);
  } else if (body.tool_stream !== undefined && body.tool_stream !== false)
    problem('tool_stream', 'tool_stream must be true or false.');
  return settings;
}

function sameJson(text: string, other: string): boolean {
  try {
    return JSON.stringify(JSON.parse(text)) === JSON.stringify(JSON.parse(other));
  } catch {
    return false;
  }
}

function wasSent(tool: FunctionToolDefinition): boolean {
  try {
    return tool.enabled && isRecord(JSON.parse(tool.parameters));
  } catch {
    return false;
  }
}

/**
 * The parsed tools in place of the ones the previous body carried, so that applying a body loses nothing the body
 * could not hold: disabled tools, tools left out for a broken schema and web search options stay; ids and the
 * user's formatting of an unchanged schema are kept.
 */
export function mergeParsedTools(previous: ToolSettings, parsed: ToolSettings): ToolSettings {
  const incoming = [...parsed.functions];
  const functions: FunctionToolDefinition[] = [];
  for (const tool of previous.functions) {
    if (!wasSent(tool)) functions.push(tool);
    else {
      const next = incoming.shift();
      if (next) {
        const parameters = sameJson(tool.parameters, next.parameters) ? tool.parameters : next.parameters;
        functions.push({ ...next, id: tool.id, parameters });
      }
    }
  }
  for (const tool of incoming) functions.push({ ...tool, id: nextToolId(functions) });
  const webSearch = parsed.webSearch.enabled ? parsed.webSearch : { ...previous.webSearch, enabled: false };
  return { ...parsed, functions, webSearch };
}
