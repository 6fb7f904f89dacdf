// Python with the official zai-sdk 0.2.2 (ZaiClient / ZhipuAiClient). Completions.create() builds the body itself:
// it adds nulls, rewrites some values and strips image data-URL prefixes; each difference is said in a comment.
import type { ChatRequest } from '../request';
import { CodeBuilder } from './codeBuilder';
import { exportedImages } from './images';
import {
  pythonBody,
  pythonLanguage,
  writeApiKey,
  writeDocstring,
  writeStandardImports,
  writeImageReader,
} from './python';
import { extraBodyFields, writeCreateCall, writeResponseHandling, writeStreamPrinterIfNeeded } from './pythonSdks';
import { generatePythonZaiSdkMinimal } from './pythonMinimal';
import { writeZaiSdkDifferences, zaiSdkClient, zaiSdkKeywordArguments } from './pythonZaiSdkRules';
import { pythonString } from './quoting';
import { fieldNamesForComment, headerSummary, writeBaseUrlNote, type ExportOptions } from './shared';
import type { CodeTarget } from './target';

function generatePythonZaiSdk(request: ChatRequest, options: ExportOptions): string {
  if (options.minimal) return generatePythonZaiSdkMinimal(request, options);
  const { className: clientClass, baseUrlArgument } = zaiSdkClient(request);
  const images = exportedImages(request.body);
  const code = new CodeBuilder('    ');
  writeDocstring(code, headerSummary(request), 'the official Z.ai SDK (pip install zai-sdk)', options);
  writeStandardImports(code, options, images.length > 0 ? ['base64'] : []);
  code.line();
  code.line(`from zai import ${clientClass}`);
  code.line();
  writeBaseUrlNote(code, request, '#');
  writeApiKey(code, options);
  code.line();
  code.line(
    baseUrlArgument === null
      ? `client = ${clientClass}(api_key=api_key)`
      : `client = ${clientClass}(api_key=api_key, base_url=${pythonString(baseUrlArgument)})`,
  );
  code.line();
  writeImageReader(code, images);
  writeStreamPrinterIfNeeded(code, request);
  writeZaiSdkDifferences(code, request, images.length > 0);
  const extraFields = extraBodyFields(request.body, zaiSdkKeywordArguments);
  if (extraFields.length > 0) {
    code.line(`# create() has no argument for ${fieldNamesForComment(extraFields)}: extra_body adds them to the body.`);
  }
  writeCreateCall(code, pythonBody(request, images), zaiSdkKeywordArguments);
  code.line();
  writeResponseHandling(code, request);
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
