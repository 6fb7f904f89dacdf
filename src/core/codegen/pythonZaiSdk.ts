// Python with the official zai-sdk 0.2.2 (ZaiClient / ZhipuAiClient). Completions.create() builds the body itself:
// it adds nulls, rewrites some values and strips image data-URL prefixes; each difference is said in a comment.
import type { ChatRequest } from '../request';
import { CodeBuilder } from './codeBuilder';
import { pythonLanguage } from './python';
import { writeSdkProgram } from './pythonSdks';
import { generatePythonZaiSdkMinimal } from './pythonMinimal';
import { writeZaiSdkDifferences, zaiSdkClient, zaiSdkKeywordArguments } from './pythonZaiSdkRules';
import { pythonString } from './quoting';
import type { ExportOptions } from './shared';
import type { CodeTarget } from './target';

function generatePythonZaiSdk(request: ChatRequest, options: ExportOptions): string {
  if (options.minimal) return generatePythonZaiSdkMinimal(request, options);
  const { className: clientClass, baseUrlArgument } = zaiSdkClient(request);
  const code = new CodeBuilder('    ');
  writeSdkProgram(code, request, options, {
    requirement: 'the official Z.ai SDK (pip install zai-sdk)',
    clientImport: `from zai import ${clientClass}`,
    clientLine:
      baseUrlArgument === null
        ? `client = ${clientClass}(api_key=api_key)`
        : `client = ${clientClass}(api_key=api_key, base_url=${pythonString(baseUrlArgument)})`,
    keywordArguments: zaiSdkKeywordArguments,
    extraBodyComment: (fieldNames) => `# create() has no argument for ${fieldNames}: extra_body adds them to the body.`,
    writeDifferences: (hasImages) => writeZaiSdkDifferences(code, request, hasImages),
  });
  return code.toString();
}

export const pythonZaiSdkTarget = {
  id: 'python-zai-sdk',
  label: 'zai-sdk (official)',
  description: 'pip install zai-sdk; the SDK adds nulls and adjusts a few values (said in a comment).',
  exactBody: false,
  language: pythonLanguage,
  generate: generatePythonZaiSdk,
} as const satisfies CodeTarget;
