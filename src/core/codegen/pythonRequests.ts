// Python with `requests`: the exact body as a dict literal, sent with json= (identical JSON on the wire).
import type { ChatRequest } from '../request';
import { CodeBuilder } from './codeBuilder';
import { writeRequestsEventLoop, writeRequestsPreamble } from './pythonRequestsPreamble';
import { exportedImages } from './images';
import { pythonLanguage, writeMessagePrinter, writeStreamPrinter } from './python';
import { generatePythonRequestsMinimal } from './pythonMinimal';
import { isStreaming, type ExportOptions } from './shared';
import type { CodeTarget } from './target';
import { writesToolLoop } from './toolLoop';
import { generatePythonToolLoop } from './pythonToolLoop';

function generatePythonRequests(request: ChatRequest, options: ExportOptions): string {
  if (options.toolLoop && writesToolLoop(pythonRequestsTarget.id, request.body))
    return generatePythonToolLoop(request, options);
  if (options.minimal) return generatePythonRequestsMinimal(request, options);
  const streaming = isStreaming(request.body);
  const images = exportedImages(request.body);
  const code = new CodeBuilder('    ');
  writeRequestsPreamble(code, request, options, images);
  if (!streaming) {
    code.line('response = requests.post(API_URL, headers=headers, json=body, timeout=600)');
    code.line('if response.status_code != 200:');
    code.line('    sys.exit(f"HTTP {response.status_code}: {response.text}")');
    code.line('message = response.json()["choices"][0]["message"]');
    writeMessagePrinter(code, 'message.get("reasoning_content")', 'message.get("content")');
    code.line('for call in message.get("tool_calls") or []:');
    code.line('    print("Tool call:", call["function"]["name"], call["function"]["arguments"])');
    return code.toString();
  }
  writeStreamPrinter(code);
  code.line();
  code.line();
  writeRequestsEventLoop(code, () => {
    code.line('delta = choice.get("delta") or {}');
    code.line('show("reasoning", delta.get("reasoning_content"))');
    code.line('show("answer", delta.get("content"))');
    code.line('# Streamed tool-call arguments arrive in pieces (a JSON string split across chunks).');
    code.block('for call in delta.get("tool_calls") or []:', () => {
      code.line('function = call.get("function") or {}');
      code.line('show_tool_call(call.get("index", 0), function.get("name"), function.get("arguments"))');
    });
  });
  code.line('print()');
  code.line('print_tool_calls()');
  return code.toString();
}

export const pythonRequestsTarget = {
  id: 'python-requests',
  label: 'requests',
  description: 'pip install requests; sends exactly this body.',
  exactBody: true,
  language: pythonLanguage,
  generate: generatePythonRequests,
} as const satisfies CodeTarget;
