// The "Tool loop example" export option: instead of one request, a program that runs the model's tool calls with
// a stub function per tool, sends the results back as `tool` messages and prints the final answer
// (docs/wire-format.md#tool-calls-in-a-non-streamed-reply). Offered only when the body declares function tools,
// and only by the targets that can write it.
import type { ChatRequestBody } from '../request';
import { isRecord } from '../json';

/** What the code panel shows for the option. */
export const toolLoopOption = {
  id: 'toolLoop',
  label: 'Tool loop example',
  description:
    'Runs the tool calls with a stub function per tool (replace them with yours), sends the results back and prints the final answer.',
  /** Shown with the option when the chosen library cannot write the loop. */
  unavailableHint: 'Available with Python (requests) and Java (HttpClient).',
  /** The targets that write the loop; the others export the single request. */
  libraries: ['python-requests', 'java-httpclient'] as readonly string[],
} as const;

/** Rounds of tool calls the exported loop makes before it gives up. */
export const toolLoopMaximumRounds = 10;

/** The names of the body's function tools, in order (entries that are not function tools are skipped). */
export function functionToolNames(body: ChatRequestBody): string[] {
  const tools: unknown = body.tools;
  if (!Array.isArray(tools)) return [];
  const names: string[] = [];
  for (const tool of tools as unknown[]) {
    if (!isRecord(tool) || tool.type !== 'function' || !isRecord(tool.function)) continue;
    const name = tool.function.name;
    if (typeof name === 'string' && name !== '' && !names.includes(name)) names.push(name);
  }
  return names;
}

/** Whether `library` writes the loop for this body when the option is on. */
export function writesToolLoop(library: string, body: ChatRequestBody): boolean {
  return toolLoopOption.libraries.includes(library) && functionToolNames(body).length > 0;
}

/**
 * Identifiers for the stub functions, one per tool name: the name with anything but letters, digits and `_`
 * replaced, prefixed when it would start with a digit or is `reserved`, and numbered when two would clash.
 */
export function stubNames(toolNames: readonly string[], reserved: ReadonlySet<string>): string[] {
  const used = new Set<string>();
  return toolNames.map((name) => {
    let identifier = name.replace(/[^A-Za-z0-9_]/g, '_');
    if (/^[0-9]/.test(identifier) || reserved.has(identifier) || identifier === '') identifier = `tool_${identifier}`;
    let candidate = identifier;
    for (let suffix = 2; used.has(candidate); suffix += 1) candidate = `${identifier}_${suffix}`;
    used.add(candidate);
    return candidate;
  });
}
