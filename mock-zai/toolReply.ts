// A reply that calls tools: which calls (one per place the user names, or as many as a scenario asks), their
// arguments, the reasoning before and between them, and the deltas that stream them — piece by piece with
// `tool_stream`, whole in one delta without (docs/wire-format.md#streamed-tool-calls).
import type { Delta } from './sse.ts';
import {
  bestFunction,
  defaultPlaces,
  functionTools,
  malformedArguments,
  objectFor,
  placesIn,
  schemaViolatingArguments,
  takesPlace,
  type FunctionTool,
} from './toolArguments.ts';

export interface WireToolCall {
  id: string;
  type: 'function';
  function: { name: string; arguments: string };
}

/** How a scenario bends the calls: how many, and whether their arguments are broken. */
export interface ToolCallStyle {
  count?: number;
  arguments?: 'valid' | 'malformed' | 'schema-violating';
}

/** The tool a tool scenario calls when the request declares none. */
const fallbackTool: FunctionTool = {
  name: 'get_weather',
  description: 'Weather for a city',
  parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
};

interface CallIntent {
  tool: FunctionTool;
  place: string;
}

function intents(body: Record<string, unknown>, question: string, style: ToolCallStyle | null): CallIntent[] {
  const declared = functionTools(body);
  const functions = declared.length > 0 ? declared : [fallbackTool];
  const tool = bestFunction(functions, question) ?? fallbackTool;
  const named = placesIn(question);
  const places = named.length > 0 ? named : defaultPlaces;
  // Several things asked for: one call per named place; a scenario may ask for a number of calls instead.
  const count = Math.min(8, Math.max(1, style?.count ?? (takesPlace(tool) ? Math.min(named.length, 5) : 1)));
  return Array.from({ length: count }, (_, index) => ({
    tool: style?.count === undefined ? tool : (functions[index % functions.length] ?? tool),
    place: places[index % places.length] ?? 'Beijing',
  }));
}

/** The calls to make, with ids unique within the reply. */
export function planToolCalls(
  replyId: string,
  body: Record<string, unknown>,
  question: string,
  style: ToolCallStyle | null,
): WireToolCall[] {
  return intents(body, question, style).map(({ tool, place }, index) => {
    const valid = JSON.stringify(objectFor(tool.parameters, { question, place }));
    const broken =
      style?.arguments === 'malformed'
        ? malformedArguments(valid)
        : style?.arguments === 'schema-violating'
          ? JSON.stringify(schemaViolatingArguments(tool.parameters))
          : valid;
    return {
      id: `call_${replyId.slice(-10)}${index}`,
      type: 'function',
      function: { name: tool.name, arguments: broken },
    };
  });
}

/** The reasoning before each call: what the user wants, then what to look up next. */
export function reasoningBeforeCalls(calls: readonly WireToolCall[], question: string): string[] {
  return calls.map((call, index) =>
    index === 0
      ? `The user asks: “${question}”. I need the ${call.function.name} tool for that; arguments ${call.function.arguments}.`
      : `\n\nCall ${index} is out. Next, ${call.function.name} with ${call.function.arguments}.`,
  );
}

/** Argument pieces as tool_stream sends them: the text up to the first colon, then a few characters at a time. */
export function argumentPieces(argumentsText: string): string[] {
  const colon = argumentsText.indexOf(':');
  const head = colon < 0 ? argumentsText : argumentsText.slice(0, colon + 1);
  const rest = Array.from(argumentsText.slice(head.length));
  const pieces = [head];
  for (let start = 0; start < rest.length; start += 6) pieces.push(rest.slice(start, start + 6).join(''));
  return pieces;
}

/**
 * The deltas of a tool-call reply after the opening reasoning. With `toolStream`: per call its first delta (id,
 * type, name, first piece), then argument pieces (the id repeated on every other one), the reasoning of the next
 * call in between, and the last piece on the delta with finish_reason. Without: the later reasoning, then every
 * call whole in one delta that carries finish_reason.
 */
export function toolCallDeltas(calls: readonly WireToolCall[], laterReasoning: string[], toolStream: boolean): Delta[] {
  const deltas: Delta[] = [];
  if (!toolStream) {
    for (const text of laterReasoning) deltas.push({ reasoning: text });
    const whole = calls.map((call, index) => ({ index, ...call }));
    deltas.push({ tool_calls: whole, finish: 'tool_calls' });
    return deltas;
  }
  calls.forEach((call, index) => {
    const before = laterReasoning[index - 1];
    if (index > 0 && before) deltas.push({ reasoning: before });
    argumentPieces(call.function.arguments).forEach((piece, pieceIndex) => {
      const entry =
        pieceIndex === 0
          ? { index, id: call.id, type: call.type, function: { name: call.function.name, arguments: piece } }
          : { index, ...(pieceIndex % 2 === 0 ? { id: call.id } : {}), function: { arguments: piece } };
      deltas.push({ tool_calls: [entry] });
    });
  });
  const last = deltas[deltas.length - 1];
  if (last) last.finish = 'tool_calls';
  return deltas;
}
