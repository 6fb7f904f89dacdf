// Shared pieces of the two Python SDK targets (zai-sdk and openai): fields the SDK's create() knows become keyword
// arguments; the rest go in extra_body, which both SDKs merge into the JSON at the top level.
import type { ChatRequest, ChatRequestBody } from '../request';
import type { CodeBuilder } from './codeBuilder';
import { pythonLiteral, writeMessagePrinter, writeStreamPrinter } from './python';
import { bodyEntries, isStreaming } from './shared';

export function writeCreateCall(code: CodeBuilder, body: ChatRequestBody, keywordArguments: ReadonlySet<string>): void {
  const extraBody: Record<string, unknown> = {};
  code.line('response = client.chat.completions.create(');
  code.indented(() => {
    for (const [name, value] of bodyEntries(body)) {
      if (keywordArguments.has(name)) code.line(`${name}=${pythonLiteral(value)},`);
      else extraBody[name] = value;
    }
    if (Object.keys(extraBody).length > 0) code.line(`extra_body=${pythonLiteral(extraBody)},`);
  });
  code.line(')');
}

/** The body fields that travel in extra_body, for the comment above the call. */
export function extraBodyFields(body: ChatRequestBody, keywordArguments: ReadonlySet<string>): string[] {
  return bodyEntries(body)
    .map(([name]) => name)
    .filter((name) => !keywordArguments.has(name));
}

export function writeResponseHandling(code: CodeBuilder, request: ChatRequest): void {
  if (!isStreaming(request.body)) {
    code.line('message = response.choices[0].message');
    writeMessagePrinter(code, 'getattr(message, "reasoning_content", None)', 'message.content');
    code.line('for call in getattr(message, "tool_calls", None) or []:');
    code.line('    print("Tool call:", call.function.name, call.function.arguments)');
    return;
  }
  code.block('for chunk in response:', () => {
    code.line('if not chunk.choices:');
    code.line('    continue');
    code.line('delta = chunk.choices[0].delta');
    code.line('show("reasoning", getattr(delta, "reasoning_content", None))');
    code.line('show("answer", delta.content)');
    code.line('# Streamed tool-call arguments arrive in pieces (a JSON string split across chunks).');
    code.line('for call in getattr(delta, "tool_calls", None) or []:');
    code.line('    show("tool", call.function.arguments if call.function else None)');
  });
  code.line('print()');
}

export function writeStreamPrinterIfNeeded(code: CodeBuilder, request: ChatRequest): void {
  if (!isStreaming(request.body)) return;
  writeStreamPrinter(code);
  code.line();
  code.line();
}

/**
 * Standard OpenAI chat-completions parameters with the same JSON; everything else (thinking, tool_stream,
 * reasoning_effort, whose "max" is outside OpenAI's typed values, do_sample, request_id, user_id…) goes in extra_body.
 */
export const openAiKeywordArguments: ReadonlySet<string> = new Set([
  'model',
  'messages',
  'stream',
  'temperature',
  'top_p',
  'max_tokens',
  'stop',
  'seed',
  'tools',
  'tool_choice',
  'response_format',
]);
