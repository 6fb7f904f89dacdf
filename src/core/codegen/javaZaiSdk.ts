// Java with the official SDK (ai.z.openapi:zai-sdk 0.3.4): ZaiClient + the ChatCompletionCreateParams builder.
// Typed setters where the SDK has them, extraJson for everything else (see javaZaiSdkPlan.ts), so the body the
// SDK sends is the app's body; any difference is named in a comment.
import type { ChatRequest } from '../request';
import { CodeBuilder } from './codeBuilder';
import {
  javaLanguage,
  writeApiKey,
  writeImageReader,
  writeJavaClass,
  writeMessagePrinter,
  writeOutputField,
  writeStreamPrinter,
} from './java';
import { writeMapHelper } from './javaLiteral';
import { generateJavaZaiSdkMinimal } from './javaMinimal';
import {
  prepareJavaSdkExport,
  usesMaps,
  writeClientAndParams,
  writeSdkImports,
  writeSdkNotes,
} from './javaZaiSdkParams';
import { headerSummary, type ExportOptions } from './shared';
import type { CodeTarget } from './target';

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
          code.line("// Streamed tool-call arguments arrive in pieces (a JSON string split across chunks). The SDK's");
          code.line(
            '// ToolCalls has no index: a piece with a function name starts the next call, the others join the latest.',
          );
          code.line('if (call.getFunction() == null) continue;');
          code.line('String name = call.getFunction().getName();');
          code.line('int index = name != null ? toolCalls.size() : Math.max(0, toolCalls.size() - 1);');
          code.line('Object arguments = call.getFunction().getArguments();');
          code.line(
            'showToolCall(index, name, arguments == null ? null : call.getFunction().getArguments().asText());',
          );
        },
        '}',
      );
    },
    '});',
  );
  code.line('OUT.println();');
  code.line('printToolCalls();');
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
  if (options.minimal) return generateJavaZaiSdkMinimal(request, options);
  const sdkExport = prepareJavaSdkExport(request);
  const { streaming, images, plan } = sdkExport;
  const code = new CodeBuilder('    ');
  code.line(`// ${headerSummary(request)}`);
  writeSdkNotes(code, sdkExport, false);
  writeSdkImports(code, sdkExport, [
    'ai.z.openapi.service.model.ChatCompletionResponse',
    ...(streaming ? ['ai.z.openapi.service.model.Delta'] : []),
    'ai.z.openapi.service.model.ToolCalls',
    'java.io.FileDescriptor',
    'java.io.FileOutputStream',
    'java.io.PrintStream',
    'java.nio.charset.StandardCharsets',
  ]);
  code.line();
  writeJavaClass(code, {
    images,
    fields: () => writeOutputField(code),
    main: () => {
      writeApiKey(code, options);
      writeClientAndParams(code, sdkExport, 'apiKey');
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
    methods: [
      usesMaps(plan) && (() => writeMapHelper(code)),
      images.length > 0 && (() => writeImageReader(code, images)),
      streaming && (() => writeStreamPrinter(code)),
    ],
  });
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
