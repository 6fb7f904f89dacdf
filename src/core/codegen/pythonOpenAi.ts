// Python with the OpenAI SDK pointed at the Z.ai base URL; Z.ai-only fields travel in extra_body.
import type { ChatRequest } from '../request';
import { CodeBuilder } from './codeBuilder';
import { pythonLanguage, writeApiKey, writeDocstring } from './python';
import { writeCreateCall, writeResponseHandling, writeStreamPrinterIfNeeded } from './pythonSdks';
import { pythonString } from './quoting';
import { exportedBaseUrl, headerSummary, type ApiKeyOptions } from './shared';
import type { CodeTarget } from './target';

/** Standard OpenAI chat-completions parameters; Z.ai-only fields (thinking, do_sample…) go in extra_body. */
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

function generatePythonOpenAi(request: ChatRequest, options: ApiKeyOptions): string {
  const code = new CodeBuilder('    ');
  writeDocstring(code, headerSummary(request), 'the OpenAI SDK (pip install openai)');
  code.line('import os');
  code.line('import sys');
  code.line();
  code.line('from openai import OpenAI');
  code.line();
  writeApiKey(code, options);
  code.line();
  code.line(`client = OpenAI(api_key=api_key, base_url=${pythonString(exportedBaseUrl(request))})`);
  code.line();
  writeStreamPrinterIfNeeded(code, request);
  code.line('# Z.ai-only fields (thinking, …) are not OpenAI parameters: extra_body adds them to the JSON body.');
  writeCreateCall(code, request, openAiKeywordArguments);
  code.line();
  writeResponseHandling(code, request);
  return code.toString();
}

export const pythonOpenAiTarget = {
  id: 'python-openai',
  label: 'openai',
  description: 'pip install openai; Z.ai-only fields go in extra_body.',
  exactBody: true,
  language: pythonLanguage,
  generate: generatePythonOpenAi,
} as const satisfies CodeTarget;
