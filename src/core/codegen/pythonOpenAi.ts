// Python with the OpenAI SDK pointed at the Z.ai base URL; Z.ai-only fields travel in extra_body.
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
import {
  extraBodyFields,
  openAiKeywordArguments,
  writeCreateCall,
  writeResponseHandling,
  writeStreamPrinterIfNeeded,
} from './pythonSdks';
import { generatePythonOpenAiMinimal } from './pythonMinimal';
import { pythonString } from './quoting';
import { exportedBaseUrl, fieldNamesForComment, headerSummary, writeBaseUrlNote, type ExportOptions } from './shared';
import type { CodeTarget } from './target';

function generatePythonOpenAi(request: ChatRequest, options: ExportOptions): string {
  if (options.minimal) return generatePythonOpenAiMinimal(request, options);
  const images = exportedImages(request.body);
  const code = new CodeBuilder('    ');
  writeDocstring(code, headerSummary(request), 'the OpenAI SDK (pip install openai)', options);
  writeStandardImports(code, options, images.length > 0 ? ['base64'] : []);
  code.line();
  code.line('from openai import OpenAI');
  code.line();
  writeBaseUrlNote(code, request, '#');
  writeApiKey(code, options);
  code.line();
  code.line(`client = OpenAI(api_key=api_key, base_url=${pythonString(exportedBaseUrl(request))})`);
  code.line();
  writeImageReader(code, images);
  writeStreamPrinterIfNeeded(code, request);
  const extraFields = extraBodyFields(request.body, openAiKeywordArguments);
  if (extraFields.length > 0) {
    code.line(`# Not OpenAI parameters: extra_body adds ${fieldNamesForComment(extraFields)} to the JSON body.`);
  }
  writeCreateCall(code, pythonBody(request, images), openAiKeywordArguments);
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
