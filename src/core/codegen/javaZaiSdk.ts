// Java with the official SDK (ai.z.openapi:zai-sdk 0.3.4): ZaiClient + the ChatCompletionCreateParams builder.
// Typed setters where the SDK has them, extraJson for everything else (see javaZaiSdkPlan.ts), so the body the
// SDK sends is the app's body; any difference is named in a comment.
import type { ChatRequest } from '../request';
import { CodeBuilder } from './codeBuilder';
import { bodyWithImageExpressions, exportedImages } from './images';
import {
  javaClassName,
  javaLanguage,
  writeApiKey,
  writeImagePaths,
  writeImageReader,
  writeMessagePrinter,
  writeOutputField,
  writeStreamPrinter,
} from './java';
import { javaLiteral, writeMapHelper } from './javaLiteral';
import { planJavaSdkBuilder } from './javaZaiSdkPlan';
import { javaString } from './quoting';
import {
  exportedBaseUrl,
  headerSummary,
  isStreaming,
  platformOf,
  sdkDefaultBaseUrls,
  writeBaseUrlNote,
  type ExportOptions,
} from './shared';
import type { CodeTarget } from './target';

export const javaSdkVersion = '0.3.4';

function clientExpression(baseUrl: string): string {
  if (baseUrl === sdkDefaultBaseUrls.zai) return 'ZaiClient.builder().ofZAI()';
  if (baseUrl === sdkDefaultBaseUrls.bigmodel && platformOf(baseUrl) === 'bigmodel')
    return 'ZaiClient.builder().ofZHIPU()';
  // The SDK resolves "chat/completions" against its base URL (Retrofit), which must end with a slash.
  return `ZaiClient.builder().baseUrl(${javaString(baseUrl + '/')})`;
}

function writeStreamHandling(code: CodeBuilder): void {
  code.block(
    'response.getFlowable().blockingForEach(chunk -> {',
    () => {
      code.line('if (chunk.getChoices() == null || chunk.getChoices().isEmpty()) return;');
      code.line('Delta delta = chunk.getChoices().get(0).getDelta();');
      code.line('if (delta == null) return;');
      code.line('show("reasoning", delta.getReasoningContent());');
      code.line('show("answer", delta.getContent());');
      code.line('if (delta.getTool_calls() == null) return;');
      code.block(
        'for (ToolCalls call : delta.getTool_calls()) {',
        () => {
          code.line('// Streamed tool-call arguments arrive in pieces (a JSON string split across chunks).');
          code.line('if (call.getFunction() != null && call.getFunction().getArguments() != null)');
          code.line('    show("tool", call.getFunction().getArguments().asText());');
        },
        '}',
      );
    },
    '});',
  );
  code.line('OUT.println();');
}

function writeCompleteHandling(code: CodeBuilder): void {
  code.line('ChatMessage message = response.getData().getChoices().get(0).getMessage();');
  writeMessagePrinter(code, 'message.getReasoningContent()', 'message.getContent()');
  code.block(
    'if (message.getToolCalls() != null) {',
    () => {
      code.line('for (ToolCalls call : message.getToolCalls())');
      code.line(
        '    OUT.println("Tool call: " + call.getFunction().getName() + " " + call.getFunction().getArguments());',
      );
    },
    '}',
  );
}

function generateJavaZaiSdk(request: ChatRequest, options: ExportOptions): string {
  const streaming = isStreaming(request.body);
  const images = exportedImages(request.body);
  const body = bodyWithImageExpressions(
    request.body,
    images,
    (image) => `imageDataUrl(${image.variable}, ${javaString(image.mimeType)})`,
  );
  const plan = planJavaSdkBuilder(body);
  const hasExtraJson = Object.keys(plan.extraJson).length > 0;
  const code = new CodeBuilder('    ');
  code.line(`// ${headerSummary(request)}`);
  code.line('// Requires JDK 11+ and the official Z.ai Java SDK:');
  code.line(
    `//   Maven:  <dependency><groupId>ai.z.openapi</groupId><artifactId>zai-sdk</artifactId><version>${javaSdkVersion}</version></dependency>`,
  );
  code.line(`//   Gradle: implementation("ai.z.openapi:zai-sdk:${javaSdkVersion}")`);
  writeBaseUrlNote(code, request, '//');
  if (hasExtraJson) {
    code.line('// Fields without a typed builder setter go in extraJson, which the SDK writes at the top level of');
    code.line('// the JSON body (CommonRequest, @JsonAnyGetter).');
  }
  if (!streaming)
    code.line('// Without .stream(true) the SDK reads one JSON response; it parses SSE only when stream is true.');
  if (plan.differences.length > 0) {
    code.line(
      '// Where the SDK sends something other than GLM Playground (the HttpClient flavour sends the exact body):',
    );
    for (const difference of plan.differences) code.line(`//   ${difference}`);
  }
  const classes = [...plan.classes].sort();
  const imports = [
    'ai.z.openapi.ZaiClient',
    ...classes.filter((name) => !name.includes('.')).map((name) => `ai.z.openapi.service.model.${name}`),
    'ai.z.openapi.service.model.ChatCompletionCreateParams',
    'ai.z.openapi.service.model.ChatCompletionResponse',
    'ai.z.openapi.service.model.ChatMessage',
    ...(streaming ? ['ai.z.openapi.service.model.Delta'] : []),
    'ai.z.openapi.service.model.ToolCalls',
    ...classes.filter((name) => name.includes('.')),
    'java.io.FileDescriptor',
    'java.io.FileOutputStream',
    'java.io.PrintStream',
    'java.nio.charset.StandardCharsets',
    'java.util.Arrays',
    'java.util.LinkedHashMap',
    'java.util.Map',
  ];
  for (const name of [...new Set(imports)].sort()) code.line(`import ${name};`);
  code.line();
  code.block(
    `public class ${javaClassName} {`,
    () => {
      writeImagePaths(code, images);
      writeOutputField(code);
      code.line();
      code.block(
        'public static void main(String[] args) throws Exception {',
        () => {
          writeApiKey(code, options);
          code.line(`ZaiClient client = ${clientExpression(exportedBaseUrl(request))}.apiKey(apiKey).build();`);
          code.line('ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()');
          code.indented(() =>
            code.indented(() => {
              code.line(`.model(${javaString(String(request.body.model))})`);
              code.line(plan.messages.length === 0 ? '.messages(Arrays.asList())' : '.messages(Arrays.asList(');
              code.indented(() =>
                code.indented(() =>
                  plan.messages.forEach((message, index) =>
                    code.line(message + (index === plan.messages.length - 1 ? '))' : ',')),
                  ),
                ),
              );
              for (const call of plan.calls) code.line(call);
              if (hasExtraJson) code.line(`.extraJson(${javaLiteral(plan.extraJson)})`);
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
              if (streaming) writeStreamHandling(code);
              else writeCompleteHandling(code);
            },
            '} finally {',
          );
          code.indented(() => code.line('client.close();'));
          code.line('}');
        },
        '}',
      );
      code.line();
      writeMapHelper(code);
      if (images.length > 0) {
        code.line();
        writeImageReader(code);
      }
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
  description: 'ai.z.openapi:zai-sdk; fields without a typed setter travel in extraJson.',
  exactBody: false,
  language: javaLanguage,
  generate: generateJavaZaiSdk,
} as const satisfies CodeTarget;
