// Tool calls and tool results read back from a request body's messages (JSON tab, share links, cURL import), for
// requestBodyFields.ts. The shapes are those the app sends (docs/wire-format.md#tools).
import { isRecord } from './json';
import { childPath } from './jsonPaths';
import type { ToolCall } from './toolCalls';

type Report = (path: string, message: string) => void;

/** An assistant message's `tool_calls`, as the turn's calls; null (with the problems reported) when malformed. */
export function toolCallsFrom(value: unknown, path: string, problem: Report): ToolCall[] | null {
  if (!Array.isArray(value)) {
    problem(path, `${path} must be a list of tool calls.`);
    return null;
  }
  const calls: ToolCall[] = [];
  value.forEach((entry: unknown, index) => {
    const entryPath = childPath(path, index);
    const functionPart = isRecord(entry) ? entry.function : undefined;
    if (!isRecord(entry) || typeof entry.id !== 'string' || !isRecord(functionPart)) {
      problem(entryPath, `${entryPath} must be an object with "id", "type" and "function".`);
      return;
    }
    if (typeof functionPart.name !== 'string') {
      problem(`${entryPath}.function.name`, `${entryPath}.function.name must be a string.`);
      return;
    }
    const text = functionPart.arguments;
    calls.push({
      id: entry.id,
      type: typeof entry.type === 'string' ? entry.type : 'function',
      name: functionPart.name,
      arguments: typeof text === 'string' ? text : text === undefined ? '' : JSON.stringify(text),
    });
  });
  return calls.length === value.length ? calls : null;
}

/** A tool message's `tool_call_id`; null (reported) when it is missing. */
export function toolCallIdFrom(message: Record<string, unknown>, path: string, problem: Report): string | null {
  if (typeof message.tool_call_id === 'string') return message.tool_call_id;
  problem(`${path}.tool_call_id`, `${path} is a tool message: it needs the "tool_call_id" of the call it answers.`);
  return null;
}
