// Python with the OpenAI SDK pointed at the Z.ai base URL; Z.ai-only fields travel in extra_body.
import type { ChatRequest } from '../request';
import { CodeBuilder } from './codeBuilder';
import { pythonLanguage } from './python';
import { openAiKeywordArguments, writeSdkProgram } from './pythonSdks';
import { generatePythonOpenAiMinimal } from './pythonMinimal';
import { pythonString } from './quoting';
import { exportedBaseUrl, type ExportOptions } from './shared';
import type { CodeTarget } from './target';

function generatePythonOpenAi(request: ChatRequest, options: ExportOptions): string {
  if (options.minimal) return generatePythonOpenAiMinimal(request, options);
  const code = new CodeBuilder('    ');
  writeSdkProgram(code, request, options, {
    requirement: 'the OpenAI SDK (pip install openai)',
    clientImport: 'from openai import OpenAI',
    clientLine: `client = OpenAI(api_key=api_key, base_url=${pythonString(exportedBaseUrl(request))})`,
    keywordArguments: openAiKeywordArguments,
    extraBodyComment: (fieldNames) => `# Not OpenAI parameters: extra_body adds ${fieldNames} to the JSON body.`,
  });
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
