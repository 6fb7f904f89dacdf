// Minimal Java quick-starts: the request and the answer, nothing else (no key check, headings or error
// handling). The body is the same as in the complete versions.
import type { ChatRequest } from '../request';
import { CodeBuilder } from './codeBuilder';
import { exportedImages } from './images';
import { writeImageReader, writeJavaClass } from './java';
import { httpClientBody, writeRequestBodyMethod } from './javaHttpClientBody';
import { writeMapHelper } from './javaLiteral';
import {
  prepareJavaSdkExport,
  usesMaps,
  writeClientAndParams,
  writeSdkImports,
  writeSdkNotes,
} from './javaZaiSdkParams';
import { javaString } from './quoting';
import {
  apiKeyVariable,
  embeddedKey,
  embeddedKeyWarning,
  exportedUrl,
  writeBaseUrlNote,
  type ExportOptions,
} from './shared';

/** The key as an expression: the embedded key (with its warning above) or the environment variable. */
function keyExpression(code: CodeBuilder, options: ExportOptions): string {
  const key = embeddedKey(options);
  if (!key) return `System.getenv("${apiKeyVariable}")`;
  code.line(`// ${embeddedKeyWarning}`);
  code.line(`String apiKey = ${javaString(key)};`);
  return 'apiKey';
}

/** Prints the raw response (one JSON object, or the server-sent events as they arrive), like curl. */
export function generateJavaHttpClientMinimal(request: ChatRequest, options: ExportOptions): string {
  const images = exportedImages(request.body);
  const code = new CodeBuilder('    ');
  writeBaseUrlNote(code, request, '//');
  for (const name of [
    'java.net.URI',
    'java.net.http.HttpClient',
    'java.net.http.HttpRequest',
    'java.net.http.HttpResponse',
  ])
    code.line(`import ${name};`);
  code.line();
  writeJavaClass(code, {
    images,
    main: () => {
      const key = keyExpression(code, options);
      code.line(`HttpRequest request = HttpRequest.newBuilder(URI.create(${javaString(exportedUrl(request))}))`);
      code.line(`        .header("Authorization", "Bearer " + ${key})`);
      code.line('        .header("Content-Type", "application/json")');
      code.line('        .POST(HttpRequest.BodyPublishers.ofString(requestBody()))');
      code.line('        .build();');
      code.line('HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream()).body()');
      code.line('        .transferTo(System.out);');
    },
    methods: [
      () => writeRequestBodyMethod(code, httpClientBody(request, images), images.length > 0),
      images.length > 0 && (() => writeImageReader(code, images)),
    ],
  });
  return code.toString();
}

/** Prints the answer text (as it arrives when streaming). */
export function generateJavaZaiSdkMinimal(request: ChatRequest, options: ExportOptions): string {
  const sdkExport = prepareJavaSdkExport(request);
  const code = new CodeBuilder('    ');
  writeSdkNotes(code, sdkExport, true);
  writeSdkImports(code, sdkExport, []);
  code.line();
  writeJavaClass(code, {
    images: sdkExport.images,
    main: () => {
      writeClientAndParams(code, sdkExport, keyExpression(code, options));
      if (sdkExport.streaming) {
        code.block(
          'client.chat().createChatCompletion(params).getFlowable().blockingForEach(chunk -> {',
          () => {
            code.line('if (chunk.getChoices() == null || chunk.getChoices().isEmpty()) return;');
            code.line('String text = chunk.getChoices().get(0).getDelta().getContent();');
            code.line('if (text != null) System.out.print(text);');
          },
          '});',
        );
        code.line('System.out.println();');
      } else {
        code.line(
          'System.out.println(client.chat().createChatCompletion(params).getData().getChoices().get(0).getMessage().getContent());',
        );
      }
      code.line('client.close();');
    },
    methods: [
      usesMaps(sdkExport.plan) && (() => writeMapHelper(code)),
      sdkExport.images.length > 0 && (() => writeImageReader(code, sdkExport.images)),
    ],
  });
  return code.toString();
}
