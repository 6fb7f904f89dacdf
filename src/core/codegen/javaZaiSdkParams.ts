// The parts of the Java SDK export that the complete and the minimal versions share: the plan, the comments
// naming where the SDK's body differs, the imports, the client and the ChatCompletionCreateParams builder.
import type { ChatRequest } from '../request';
import type { CodeBuilder } from './codeBuilder';
import { bodyWithImageExpressions, exportedImages, type ExportedImage } from './images';
import { javaImageExpression } from './java';
import { javaLiteral } from './javaLiteral';
import { planJavaSdkBuilder, type JavaSdkPlan } from './javaZaiSdkPlan';
import { javaString } from './quoting';
import { exportedBaseUrl, isStreaming, platformOf, sdkDefaultBaseUrls, writeBaseUrlNote } from './shared';

export const javaSdkVersion = '0.3.4';

export interface JavaSdkExport {
  request: ChatRequest;
  streaming: boolean;
  images: ExportedImage[];
  plan: JavaSdkPlan;
}

export function prepareJavaSdkExport(request: ChatRequest): JavaSdkExport {
  const images = exportedImages(request.body);
  const body = bodyWithImageExpressions(request.body, images, javaImageExpression);
  return { request, streaming: isStreaming(request.body), images, plan: planJavaSdkBuilder(body) };
}

function hasExtraJson(plan: JavaSdkPlan): boolean {
  return Object.keys(plan.extraJson).length > 0;
}

/** The dependency line, and every way the SDK's body or behaviour differs from the app's request. */
export function writeSdkNotes(code: CodeBuilder, { request, streaming, plan }: JavaSdkExport, minimal: boolean): void {
  if (minimal) {
    code.line(`// Requires the official Z.ai Java SDK: ai.z.openapi:zai-sdk:${javaSdkVersion} (Maven, Gradle).`);
  } else {
    code.line('// Requires JDK 11+ and the official Z.ai Java SDK:');
    code.line(
      `//   Maven:  <dependency><groupId>ai.z.openapi</groupId><artifactId>zai-sdk</artifactId><version>${javaSdkVersion}</version></dependency>`,
    );
    code.line(`//   Gradle: implementation("ai.z.openapi:zai-sdk:${javaSdkVersion}")`);
  }
  writeBaseUrlNote(code, request, '//');
  if (hasExtraJson(plan)) {
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
}

/** The SDK classes the builder uses, then `others`, sorted and without repeats. */
export function writeSdkImports(code: CodeBuilder, { plan }: JavaSdkExport, others: readonly string[]): void {
  const imports = [
    'ai.z.openapi.ZaiClient',
    'ai.z.openapi.service.model.ChatCompletionCreateParams',
    'ai.z.openapi.service.model.ChatMessage',
    'java.util.Arrays',
    ...[...plan.classes].map((name) => (name.includes('.') ? name : `ai.z.openapi.service.model.${name}`)),
    ...(hasExtraJson(plan) || usesMaps(plan) ? ['java.util.LinkedHashMap', 'java.util.Map'] : []),
    ...others,
  ];
  for (const name of [...new Set(imports)].sort()) code.line(`import ${name};`);
}

/** True when a literal in the builder calls map(…) (see javaLiteral.ts). */
export function usesMaps(plan: JavaSdkPlan): boolean {
  return [...plan.calls, ...plan.messages].some((text) => /\bmap\(/.test(text)) || hasExtraJson(plan);
}

function clientExpression(baseUrl: string): string {
  if (baseUrl === sdkDefaultBaseUrls.zai) return 'ZaiClient.builder().ofZAI()';
  if (baseUrl === sdkDefaultBaseUrls.bigmodel && platformOf(baseUrl) === 'bigmodel')
    return 'ZaiClient.builder().ofZHIPU()';
  // The SDK resolves "chat/completions" against its base URL (Retrofit), which must end with a slash.
  return `ZaiClient.builder().baseUrl(${javaString(baseUrl + '/')})`;
}

/** `ZaiClient client = …` and `ChatCompletionCreateParams params = …build();` */
export function writeClientAndParams(code: CodeBuilder, { request, plan }: JavaSdkExport, keyExpression: string): void {
  code.line(`ZaiClient client = ${clientExpression(exportedBaseUrl(request))}.apiKey(${keyExpression}).build();`);
  code.line('ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()');
  code.indented(() =>
    code.indented(() => {
      code.line(`.model(${javaString(request.body.model)})`);
      code.line(plan.messages.length === 0 ? '.messages(Arrays.asList())' : '.messages(Arrays.asList(');
      code.indented(() =>
        code.indented(() =>
          plan.messages.forEach((message, index) =>
            code.line(message + (index === plan.messages.length - 1 ? '))' : ',')),
          ),
        ),
      );
      for (const call of plan.calls) code.line(call);
      if (hasExtraJson(plan)) code.line(`.extraJson(${javaLiteral(plan.extraJson)})`);
      code.line('.build();');
    }),
  );
}
