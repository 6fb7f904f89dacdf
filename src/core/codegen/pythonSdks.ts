// Shared pieces of the two Python SDK targets (zai-sdk and openai): fields the SDK's create() knows become keyword
// arguments; the rest go in extra_body, which both SDKs merge into the JSON at the top level.
import type { ChatRequest, ChatRequestBody } from '../request';
import type { CodeBuilder } from './codeBuilder';
import { exportedImages } from './images';
import {
  pythonBody,
  pythonLiteral,
  writeApiKey,
  writeDocstring,
  writeImageReader,
  writeMessagePrinter,
  writeStandardImports,
  writeStreamPrinter,
} from './python';
import {
  bodyEntries,
  fieldNamesForComment,
  headerSummary,
  isStreaming,
  writeBaseUrlNote,
  type ExportOptions,
} from './shared';

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
    code.block('for call in getattr(delta, "tool_calls", None) or []:', () => {
      code.line('function = call.function');
      code.line(
        'show_tool_call(call.index, function.name if function else None, function.arguments if function else None)',
      );
    });
  });
  code.line('print()');
  code.line('print_tool_calls()');
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

interface PythonSdkProgram {
  /** What the docstring says the file needs, e.g. "the OpenAI SDK (pip install openai)". */
  requirement: string;
  /** `from … import …` of the client class. */
  clientImport: string;
  /** The `client = …(…)` line; `api_key` holds the key. */
  clientLine: string;
  keywordArguments: ReadonlySet<string>;
  /** The comment over create() when some fields travel in extra_body (their names, as a phrase). */
  extraBodyComment: (fieldNames: string) => string;
  /** Comments on what this SDK changes in the body, written just before the extra_body comment. */
  writeDifferences?: (hasImages: boolean) => void;
}

/** A complete Python SDK program: docstring, imports, key, client, the create() call and the printed response. */
export function writeSdkProgram(
  code: CodeBuilder,
  request: ChatRequest,
  options: ExportOptions,
  sdk: PythonSdkProgram,
): void {
  const images = exportedImages(request.body);
  writeDocstring(code, headerSummary(request), sdk.requirement, options);
  writeStandardImports(code, options, images.length > 0 ? ['base64'] : []);
  code.line();
  code.line(sdk.clientImport);
  code.line();
  writeBaseUrlNote(code, request, '#');
  writeApiKey(code, options);
  code.line();
  code.line(sdk.clientLine);
  code.line();
  writeImageReader(code, images);
  writeStreamPrinterIfNeeded(code, request);
  sdk.writeDifferences?.(images.length > 0);
  const extraFields = extraBodyFields(request.body, sdk.keywordArguments);
  if (extraFields.length > 0) code.line(sdk.extraBodyComment(fieldNamesForComment(extraFields)));
  writeCreateCall(code, pythonBody(request, images), sdk.keywordArguments);
  code.line();
  writeResponseHandling(code, request);
}
