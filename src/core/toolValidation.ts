// The rules a function tool must meet before a request can carry it (docs/wire-format.md#tools). One function per
// rule, each returning the reason shown next to the field, or null; toolProblems gathers them for the form and
// for Send. The schema rule needs the JSON Schema checker, which loads on demand (jsonSchema/validation.ts).
import { isRecord } from './json';
import { lineAndColumn, locateJson } from './jsonLocations';
import type { JsonSchemaChecker } from './jsonSchema/validation';
import { enabledFunctions, maxFunctionTools, type FunctionToolDefinition, type ToolSettings } from './toolSettings';

export const maxToolNameLength = 64;
const toolNamePattern = /^[a-zA-Z0-9_-]+$/;

export function toolNameProblem(name: string): string | null {
  if (name === '') return 'A name is required.';
  if (name.length > maxToolNameLength) return `At most ${maxToolNameLength} characters (this one has ${name.length}).`;
  if (!toolNamePattern.test(name)) return 'Use only letters, digits, "_" and "-" (no spaces).';
  return null;
}

/** Enabled tools must have different names: the model calls a tool by its name. */
export function duplicateNameProblem(
  tool: FunctionToolDefinition,
  tools: readonly FunctionToolDefinition[],
): string | null {
  if (!tool.enabled || tool.name === '') return null;
  const twins = tools.filter((other) => other.enabled && other.name === tool.name).length;
  return twins > 1 ? `Another enabled tool is also called "${tool.name}"; names must be unique.` : null;
}

export function toolDescriptionProblem(description: string): string | null {
  return description.trim() === '' ? 'A description is required: the model reads it to decide when to call.' : null;
}

export interface ParametersJsonProblem {
  message: string;
  line: number;
  column: number;
}

/** The parameters text must be JSON; the problem says where it breaks. */
export function parametersJsonProblem(text: string): ParametersJsonProblem | null {
  if (text.trim() === '')
    return { message: 'A JSON Schema is required, e.g. { "type": "object" }.', line: 1, column: 1 };
  const located = locateJson(text);
  if (located.ok) return null;
  return { message: `Not valid JSON: ${located.error.message}`, ...lineAndColumn(text, located.error.offset) };
}

/** Parsed parameters must be a JSON Schema (draft-07) describing an object: the arguments come as one. */
export function parametersSchemaProblem(parameters: unknown, checker: JsonSchemaChecker): string | null {
  if (!isRecord(parameters)) return 'The parameters must be a JSON object ({ "type": "object", … }).';
  const [first] = checker.schemaProblems(parameters);
  if (first) return `Not a valid JSON Schema: ${first.path === '' ? '' : `${first.path}: `}${first.message}`;
  if (parameters.type !== 'object') return 'The schema must describe an object: set "type": "object".';
  return null;
}

export function functionCountProblem(tools: readonly FunctionToolDefinition[]): string | null {
  const count = tools.filter((tool) => tool.enabled).length;
  return count > maxFunctionTools ? `At most ${maxFunctionTools} functions per request (${count} are on).` : null;
}

/** web_search needs its search_engine. */
export function searchEngineProblem(engine: string): string | null {
  return engine.trim() === '' ? 'A search engine is required, e.g. search_pro_jina.' : null;
}

export interface FunctionToolProblems {
  name: string | null;
  description: string | null;
  parameters: ParametersJsonProblem | { message: string; line?: undefined; column?: undefined } | null;
}

export interface ToolProblems {
  /** By tool id; only enabled tools are checked (a disabled one is not sent). */
  byTool: Record<string, FunctionToolProblems>;
  list: string | null;
  /** Schemas could not be checked yet (the checker is still loading). */
  pending: boolean;
}

function parseParameters(text: string): unknown {
  return JSON.parse(text) as unknown;
}

export function toolProblems(tools: ToolSettings, checker: JsonSchemaChecker | null): ToolProblems {
  const enabled = enabledFunctions(tools);
  const byTool: Record<string, FunctionToolProblems> = {};
  for (const tool of enabled) {
    const jsonProblem = parametersJsonProblem(tool.parameters);
    const schemaProblem =
      jsonProblem === null && checker !== null
        ? parametersSchemaProblem(parseParameters(tool.parameters), checker)
        : null;
    byTool[tool.id] = {
      name: toolNameProblem(tool.name) ?? duplicateNameProblem(tool, enabled),
      description: toolDescriptionProblem(tool.description),
      parameters: jsonProblem ?? (schemaProblem === null ? null : { message: schemaProblem }),
    };
  }
  return { byTool, list: functionCountProblem(tools.functions), pending: enabled.length > 0 && checker === null };
}

/**
 * The first reason the tools keep a request from being sent, for the Send button. Web search is checked only where
 * it is sent (`webSearchSent` false: a vision model, see toolBody.ts takesWebSearch).
 */
export function toolsSendProblem(tools: ToolSettings, problems: ToolProblems, webSearchSent = true): string | null {
  if (problems.list) return `Tools: ${problems.list}`;
  const engineProblem =
    tools.webSearch.enabled && webSearchSent ? searchEngineProblem(tools.webSearch.searchEngine) : null;
  if (engineProblem) return `Web search: ${engineProblem}`;
  for (const tool of enabledFunctions(tools)) {
    const found = problems.byTool[tool.id];
    if (!found) continue;
    const label = tool.name === '' ? 'an unnamed tool' : `the tool "${tool.name}"`;
    if (found.name) return `Fix ${label} first: Name: ${found.name}`;
    if (found.description) return `Fix ${label} first: Description: ${found.description}`;
    if (found.parameters) {
      const where =
        found.parameters.line === undefined ? '' : `line ${found.parameters.line}, column ${found.parameters.column}: `;
      return `Fix ${label} first: Parameters: ${where}${found.parameters.message}`;
    }
  }
  if (problems.pending) return 'Checking the tools’ parameter schemas…';
  return null;
}
