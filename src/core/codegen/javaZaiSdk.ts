// Java with the official SDK (ai.z.openapi:zai-sdk): ZaiClient + ChatCompletionCreateParams builder.
// Signatures from zai-org/z-ai-sdk-java (service/model): temperature and topP are Float, maxTokens Integer,
// stop List<String>, ChatThinking has only `type`; streaming goes through getFlowable().
import type { ChatRequest, WireMessage } from '../request';
import { CodeBuilder } from './codeBuilder';
import {
  javaClassName,
  javaLanguage,
  writeApiKey,
  writeMessagePrinter,
  writeOutputField,
  writeStreamPrinter,
} from './java';
import { javaString, javaStringExpression } from './quoting';
import {
  exportedBaseUrl,
  fieldNamesForComment,
  headerSummary,
  isStreaming,
  platformOf,
  sdkDefaultBaseUrls,
  type ApiKeyOptions,
} from './shared';
import type { CodeTarget } from './target';

export const javaSdkVersion = '0.3.3';

function javaFloat(value: number): string {
  return `${value}f`;
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

interface BuilderPlan {
  /** Builder calls after .messages(…), e.g. `.stream(true)`. */
  calls: string[];
  /** Body fields (or message fields) the SDK builder cannot carry. */
  unsupported: string[];
}

/** Maps body fields to ChatCompletionCreateParams builder calls; whatever has no typed setter is reported. */
export function planJavaSdkBuilder(request: ChatRequest): BuilderPlan {
  const calls: string[] = [];
  const unsupported: string[] = [];
  for (const [name, value] of Object.entries(request.body)) {
    if (value === undefined || name === 'model' || name === 'messages') continue;
    if (name === 'stream' && typeof value === 'boolean') calls.push(`.stream(${value})`);
    else if (
      name === 'thinking' &&
      typeof value === 'object' &&
      value !== null &&
      typeof (value as { type?: unknown }).type === 'string'
    ) {
      const thinking = value as Record<string, unknown>;
      calls.push(`.thinking(ChatThinking.builder().type(${javaString(String(thinking.type))}).build())`);
      for (const key of Object.keys(thinking)) if (key !== 'type') unsupported.push(`thinking.${key}`);
    } else if (name === 'temperature' && typeof value === 'number') calls.push(`.temperature(${javaFloat(value)})`);
    else if (name === 'top_p' && typeof value === 'number') calls.push(`.topP(${javaFloat(value)})`);
    else if (name === 'max_tokens' && typeof value === 'number' && Number.isInteger(value))
      calls.push(`.maxTokens(${String(value)})`);
    else if (name === 'do_sample' && typeof value === 'boolean') calls.push(`.doSample(${value})`);
    else if (name === 'stop' && isStringArray(value))
      calls.push(`.stop(Arrays.asList(${value.map(javaString).join(', ')}))`);
    else if (name === 'request_id' && typeof value === 'string') calls.push(`.requestId(${javaString(value)})`);
    else if (name === 'user_id' && typeof value === 'string') calls.push(`.userId(${javaString(value)})`);
    else unsupported.push(name);
  }
  request.body.messages.forEach((message, index) => {
    for (const key of Object.keys(message)) {
      if (key !== 'role' && key !== 'content' && key !== 'reasoning_content')
        unsupported.push(`messages[${index}].${key}`);
    }
  });
  return { calls, unsupported };
}

function messageExpression(message: WireMessage): string {
  let expression = `ChatMessage.builder().role(${javaString(message.role)}).content(${javaStringExpression(message.content)})`;
  if (typeof message.reasoning_content === 'string') {
    expression += `.reasoningContent(${javaStringExpression(message.reasoning_content)})`;
  }
  return expression + '.build()';
}

function clientExpression(baseUrl: string): string {
  if (baseUrl === sdkDefaultBaseUrls.zai) return 'ZaiClient.builder().ofZAI()';
  if (baseUrl === sdkDefaultBaseUrls.bigmodel && platformOf(baseUrl) === 'bigmodel')
    return 'ZaiClient.builder().ofZHIPU()';
  // The SDK resolves "chat/completions" against its base URL (Retrofit), which must end with a slash.
  return `ZaiClient.builder().baseUrl(${javaString(baseUrl + '/')})`;
}

function generateJavaZaiSdk(request: ChatRequest, options: ApiKeyOptions): string {
  const streaming = isStreaming(request.body);
  const plan = planJavaSdkBuilder(request);
  const usesThinking = plan.calls.some((call) => call.startsWith('.thinking('));
  const code = new CodeBuilder('    ');
  code.line(`// ${headerSummary(request)}`);
  code.line('// Requires JDK 11+ and the official Z.ai Java SDK:');
  code.line(
    `//   Maven:  <dependency><groupId>ai.z.openapi</groupId><artifactId>zai-sdk</artifactId><version>${javaSdkVersion}</version></dependency>`,
  );
  code.line(`//   Gradle: implementation("ai.z.openapi:zai-sdk:${javaSdkVersion}")`);
  if (plan.unsupported.length > 0) {
    code.line('// Note: the SDK builder has no setter for these fields, so this request does not send them:');
    code.line(`//   ${fieldNamesForComment(plan.unsupported)}`);
    code.line('// Use the HttpClient flavour for a request identical to the one in GLM Playground.');
  }
  const imports = [
    'ai.z.openapi.ZaiClient',
    'ai.z.openapi.service.model.ChatCompletionCreateParams',
    'ai.z.openapi.service.model.ChatCompletionResponse',
    'ai.z.openapi.service.model.ChatMessage',
    ...(usesThinking ? ['ai.z.openapi.service.model.ChatThinking'] : []),
    ...(streaming ? ['ai.z.openapi.service.model.Delta'] : []),
    'java.io.FileDescriptor',
    'java.io.FileOutputStream',
    'java.io.PrintStream',
    'java.nio.charset.StandardCharsets',
    'java.util.Arrays',
  ];
  for (const name of imports) code.line(`import ${name};`);
  code.line();
  code.block(
    `public class ${javaClassName} {`,
    () => {
      writeOutputField(code);
      code.line();
      code.block(
        'public static void main(String[] args) {',
        () => {
          writeApiKey(code, options);
          code.line(`ZaiClient client = ${clientExpression(exportedBaseUrl(request))}.apiKey(apiKey).build();`);
          code.line('ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()');
          code.indented(() =>
            code.indented(() => {
              code.line(`.model(${javaString(request.body.model)})`);
              if (request.body.messages.length === 0) code.line('.messages(Arrays.asList())');
              else code.line('.messages(Arrays.asList(');
              code.indented(() =>
                code.indented(() => {
                  request.body.messages.forEach((message, index) => {
                    code.line(messageExpression(message) + (index === request.body.messages.length - 1 ? '))' : ','));
                  });
                }),
              );
              for (const call of plan.calls) code.line(call);
              if (!streaming && request.body.stream === undefined) {
                code.line('// The SDK needs stream set; false is the API default (the body gains "stream": false).');
                code.line('.stream(false)');
              }
              code.line('.build();');
            }),
          );
          code.block(
            'try {',
            () => {
              code.line('ChatCompletionResponse response = client.chat().createChatCompletion(params);');
              code.block(
                'if (!response.isSuccess()) {',
                () => {
                  code.line('System.err.println("Error: " + response.getMsg());');
                  code.line('System.exit(1);');
                },
                '}',
              );
              if (streaming) {
                code.block(
                  'response.getFlowable().blockingForEach(chunk -> {',
                  () => {
                    code.line('if (chunk.getChoices() == null || chunk.getChoices().isEmpty()) return;');
                    code.line('Delta delta = chunk.getChoices().get(0).getDelta();');
                    code.line('if (delta == null) return;');
                    code.line('show("reasoning", delta.getReasoningContent());');
                    code.line('show("answer", delta.getContent());');
                  },
                  '});',
                );
                code.line('OUT.println();');
              } else {
                code.line('ChatMessage message = response.getData().getChoices().get(0).getMessage();');
                writeMessagePrinter(code, 'message.getReasoningContent()', 'message.getContent()');
              }
            },
            '} finally {',
          );
          code.indented(() => code.line('client.close();'));
          code.line('}');
        },
        '}',
      );
      if (streaming) {
        code.line();
        writeStreamPrinter(code);
      }
    },
    '}',
  );
  return code.toString();
}

export const javaZaiSdkTarget = {
  id: 'java-zai-sdk',
  label: 'zai-sdk (official)',
  description: 'ai.z.openapi:zai-sdk; fields without a builder setter are listed in a comment.',
  exactBody: false,
  language: javaLanguage,
  generate: generateJavaZaiSdk,
} as const satisfies CodeTarget;
