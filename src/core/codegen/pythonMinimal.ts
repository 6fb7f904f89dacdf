// Minimal Python quick-starts: the request and the answer text, nothing else (no key check, headings or
// error handling). The body is the same as in the complete versions.
import type { ChatRequest } from '../request';
import { CodeBuilder } from './codeBuilder';
import { exportedImages } from './images';
import { pythonBody, pythonLiteral, writeImageReader } from './python';
import { openAiKeywordArguments, writeCreateCall } from './pythonSdks';
import { writeZaiSdkDifferences, zaiSdkClient, zaiSdkKeywordArguments } from './pythonZaiSdkRules';
import { pythonString } from './quoting';
import {
  apiKeyVariable,
  embeddedKey,
  embeddedKeyWarning,
  exportedBaseUrl,
  exportedUrl,
  isStreaming,
  writeBaseUrlNote,
  type ExportOptions,
} from './shared';

/** The key as an expression: the embedded key (with its warning above) or the environment variable. */
function keyExpression(code: CodeBuilder, options: ExportOptions): string {
  const key = embeddedKey(options);
  if (!key) return `os.environ["${apiKeyVariable}"]`;
  code.line(`# ${embeddedKeyWarning}`);
  code.line(`api_key = ${pythonString(key)}`);
  return 'api_key';
}

function writeImports(code: CodeBuilder, request: ChatRequest, readsEnvironment: boolean, names: string[]): void {
  if (exportedImages(request.body).length > 0) names.push('base64');
  if (readsEnvironment) names.push('os');
  for (const name of names.sort()) code.line(`import ${name}`);
  if (names.length > 0) code.line();
}

export function generatePythonRequestsMinimal(request: ChatRequest, options: ExportOptions): string {
  const streaming = isStreaming(request.body);
  const images = exportedImages(request.body);
  const code = new CodeBuilder('    ');
  writeImports(code, request, !embeddedKey(options), streaming ? ['json'] : []);
  code.line('import requests');
  code.line();
  writeBaseUrlNote(code, request, '#');
  const key = keyExpression(code, options);
  writeImageReader(code, images);
  code.line('response = requests.post(');
  code.indented(() => {
    code.line(`${pythonString(exportedUrl(request))},`);
    code.line(`headers={"Authorization": "Bearer " + ${key}},`);
    code.line(`json=${pythonLiteral(pythonBody(request, images))},`);
    if (streaming) code.line('stream=True,');
  });
  code.line(')');
  if (!streaming) {
    code.line('print(response.json()["choices"][0]["message"]["content"])');
    return code.toString();
  }
  code.block('for line in response.iter_lines():', () => {
    code.block('if line.startswith(b"data:") and line[5:].strip() != b"[DONE]":', () => {
      code.block('for choice in json.loads(line[5:])["choices"]:', () => {
        code.line('print(choice["delta"].get("content") or "", end="", flush=True)');
      });
    });
  });
  code.line('print()');
  return code.toString();
}

function writeSdkAnswer(code: CodeBuilder, streaming: boolean): void {
  if (!streaming) {
    code.line('print(response.choices[0].message.content)');
    return;
  }
  code.block('for chunk in response:', () => {
    code.line('if chunk.choices:');
    code.line('    print(chunk.choices[0].delta.content or "", end="", flush=True)');
  });
  code.line('print()');
}

export function generatePythonZaiSdkMinimal(request: ChatRequest, options: ExportOptions): string {
  const images = exportedImages(request.body);
  const code = new CodeBuilder('    ');
  writeImports(code, request, false, []);
  const client = zaiSdkClient(request);
  code.line(`from zai import ${client.className}`);
  code.line();
  writeBaseUrlNote(code, request, '#');
  const key = embeddedKey(options);
  if (key) code.line(`# ${embeddedKeyWarning}`);
  const keyArgument = key ? `api_key=${pythonString(key)}` : '';
  const urlArgument = client.baseUrlArgument ? `base_url=${pythonString(client.baseUrlArgument)}` : '';
  const comment = key ? '' : `  # reads ${apiKeyVariable} from the environment`;
  code.line(`client = ${client.className}(${[keyArgument, urlArgument].filter(Boolean).join(', ')})${comment}`);
  writeImageReader(code, images);
  writeZaiSdkDifferences(code, request, images.length > 0);
  writeCreateCall(code, pythonBody(request, images), zaiSdkKeywordArguments);
  writeSdkAnswer(code, isStreaming(request.body));
  return code.toString();
}

export function generatePythonOpenAiMinimal(request: ChatRequest, options: ExportOptions): string {
  const images = exportedImages(request.body);
  const code = new CodeBuilder('    ');
  writeImports(code, request, !embeddedKey(options), []);
  code.line('from openai import OpenAI');
  code.line();
  writeBaseUrlNote(code, request, '#');
  const key = keyExpression(code, options);
  code.line(`client = OpenAI(api_key=${key}, base_url=${pythonString(exportedBaseUrl(request))})`);
  writeImageReader(code, images);
  writeCreateCall(code, pythonBody(request, images), openAiKeywordArguments);
  writeSdkAnswer(code, isStreaming(request.body));
  return code.toString();
}
