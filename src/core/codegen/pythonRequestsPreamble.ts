// What both `requests` programs (the single request and the tool loop) share: the start (docstring, imports, URL, key,
// image readers, the body and the headers) and the streamed request's SSE loop.
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

/**
 * The streamed request of both `requests` programs: post, stop on an HTTP error, read the SSE lines, and hand each
 * choice of each chunk to `writeChoice` (inside `for choice in chunk.get("choices", []):`).
 */
export function writeRequestsEventLoop(code: CodeBuilder, writeChoice: () => void): void {
  code.block('with requests.post(API_URL, headers=headers, json=body, stream=True, timeout=600) as response:', () => {
    code.line('if response.status_code != 200:');
    code.line('    sys.exit(f"HTTP {response.status_code}: {response.text}")');
    code.line('# Split on bytes: decoded text would also split on U+2028 and other Unicode line breaks.');
    code.block('for raw_line in response.iter_lines():', () => {
      code.line('line = raw_line.decode("utf-8")');
      code.line('if not line.startswith("data:"):');
      code.line('    continue  # blank lines, comments such as ": keep-alive"');
      code.line('data = line[5:].strip()');
      code.line('if data == "[DONE]":');
      code.line('    break');
      code.line('chunk = json.loads(data)');
      code.line('if "error" in chunk:');
      code.line('    sys.exit(f"\\nError: {chunk[\'error\']}")');
      code.block('for choice in chunk.get("choices", []):', writeChoice);
    });
  });
}
