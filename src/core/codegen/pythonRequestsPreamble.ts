// The start of both `requests` programs (the single request and the tool loop): docstring, imports, URL, key,
// image readers, the body and the headers.
import type { ChatRequest } from '../request';
import type { CodeBuilder } from './codeBuilder';
import type { ExportedImage } from './images';
import {
  pythonBody,
  pythonLiteral,
  writeApiKey,
  writeDocstring,
  writeImageReader,
  writeStandardImports,
} from './python';
import { pythonString } from './quoting';
import { exportedUrl, headerSummary, writeBaseUrlNote, type ExportOptions } from './shared';

export function writeRequestsPreamble(
  code: CodeBuilder,
  request: ChatRequest,
  options: ExportOptions,
  images: readonly ExportedImage[],
): void {
  writeDocstring(code, headerSummary(request), 'requests (pip install requests)', options);
  writeStandardImports(code, options, images.length > 0 ? ['base64', 'json', 'sys'] : ['json', 'sys']);
  code.line();
  code.line('import requests');
  code.line();
  writeBaseUrlNote(code, request, '#');
  code.line(`API_URL = ${pythonString(exportedUrl(request))}`);
  code.line();
  writeApiKey(code, options);
  code.line();
  writeImageReader(code, images);
  code.line(`body = ${pythonLiteral(pythonBody(request, images))}`);
  code.line();
  code.line('headers = {"Authorization": f"Bearer {api_key}", "Content-Type": "application/json"}');
  code.line();
}
