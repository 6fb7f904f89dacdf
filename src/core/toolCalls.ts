// Tool calls of a reply, assembled from the pieces a stream sends (or the whole list of a non-streamed message).
// Rules: docs/wire-format.md#streamed-tool-calls and #tool-calls-in-a-non-streamed-reply.
import { isRecord } from './json';

/** One tool call as the model asked for it, and as it goes back in the assistant message. */
export interface ToolCall {
  id: string;
  /** `function`; history may also hold `web_search` or `retrieval`. */
  type: string;
  name: string;
  /** The arguments as a JSON text, exactly as received (an object is serialised). */
  arguments: string;
}

/** A call while it is being assembled: `index` keys the pieces of one call across chunks. */
export interface AssembledToolCall extends ToolCall {
  index: number;
}

/** The call as it goes into a message's `tool_calls`. */
export interface WireToolCall {
  id: string;
  type: string;
  function: { name: string; arguments: string };
}

function argumentsPiece(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined || value === null) return '';
  // The response schema calls `arguments` an object: keep it as the JSON text it stands for.
  return JSON.stringify(value);
}

function firstText(current: string, value: unknown): string {
  return current === '' && typeof value === 'string' ? value : current;
}

/**
 * Adds one delta's `tool_calls` entries to the calls so far. Entries are grouped by `index` (their position in the
 * list when they have none, as in a non-streamed message); `id`, `type` and `function.name` come from the first
 * entry that has them; `arguments` pieces are concatenated in arrival order. Entries that are not objects are
 * skipped.
 */
export function mergeToolCallDeltas(
  calls: readonly AssembledToolCall[],
  entries: readonly unknown[],
): AssembledToolCall[] {
  const merged = [...calls];
  entries.forEach((entry, position) => {
    if (!isRecord(entry)) return;
    const index = typeof entry.index === 'number' && Number.isInteger(entry.index) ? entry.index : position;
    const functionPart = isRecord(entry.function) ? entry.function : {};
    const at = merged.findIndex((call) => call.index === index);
    const current = merged[at] ?? { index, id: '', type: '', name: '', arguments: '' };
    const next: AssembledToolCall = {
      index,
      id: firstText(current.id, entry.id),
      type: firstText(current.type, entry.type),
      name: firstText(current.name, functionPart.name),
      arguments: current.arguments + argumentsPiece(functionPart.arguments),
    };
    if (at === -1) merged.push(next);
    else merged[at] = next;
  });
  return merged.sort((first, second) => first.index - second.index);
}

/** The assembled calls without their stream keys; a missing type is `function`, the only kind a client answers. */
export function finishedToolCalls(calls: readonly AssembledToolCall[]): ToolCall[] {
  return calls.map(({ id, type, name, arguments: text }) => ({ id, type: type || 'function', name, arguments: text }));
}

export function wireToolCall(call: ToolCall): WireToolCall {
  return { id: call.id, type: call.type, function: { name: call.name, arguments: call.arguments } };
}
