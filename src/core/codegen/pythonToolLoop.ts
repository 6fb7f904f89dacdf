// Python with `requests`, as a tool loop (toolLoop.ts): send the body, run each tool call with its stub, append
// the assistant message unchanged and one `tool` message per call, and send again until the model answers.
import type { ChatRequest } from '../request';
import { CodeBuilder } from './codeBuilder';
import { writeRequestsEventLoop, writeRequestsPreamble } from './pythonRequestsPreamble';
import { exportedImages } from './images';
import { commentText, pythonString } from './quoting';
import { isStreaming, outputHeadings, type ExportOptions } from './shared';
import { functionToolNames, stubNames, toolLoopMaximumRounds } from './toolLoop';

const pythonReserved = new Set(
  'False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield json os sys base64 requests print sorted range ValueError image_base64 image_data_url body headers api_key ask run_tool message calls call result round_number TOOLS API_URL'.split(
    ' ',
  ),
);

function writeStubs(code: CodeBuilder, toolNames: readonly string[]): void {
  const identifiers = stubNames(toolNames, pythonReserved);
  toolNames.forEach((name, index) => {
    code.block(`def ${identifiers[index] ?? 'tool'}(arguments):`, () => {
      code.line(`"""Replace with your function: the ${commentText(name)} tool. Gets the call's arguments`);
      code.line('(a dict) and returns the result as a string (JSON is a good choice)."""');
      code.line(`return json.dumps({"tool": ${pythonString(name)}, "arguments": arguments, "result": "stub result"})`);
    });
    code.line();
    code.line();
  });
  code.line('TOOLS = {');
  toolNames.forEach((name, index) => code.line(`    ${pythonString(name)}: ${identifiers[index] ?? 'tool'},`));
  code.line('}');
}

function writeAskStreaming(code: CodeBuilder): void {
  code.block('def ask():', () => {
    code.line('"""Send the body; print the reply as it streams and return it as one assistant message."""');
    code.line('reasoning, content, calls = "", "", {}');
    writeRequestsEventLoop(code, () => {
      code.line('delta = choice.get("delta") or {}');
      code.line('if delta.get("reasoning_content"):');
      code.line('    reasoning += delta["reasoning_content"]');
      code.line('    print(delta["reasoning_content"], end="", flush=True)');
      code.line('content += delta.get("content") or ""');
      code.line('# Tool-call pieces are joined by index; the first piece of an index has its id and name.');
      code.block('for piece in delta.get("tool_calls") or []:', () => {
        code.line(
          'call = calls.setdefault(piece.get("index", 0), {"id": None, "type": "function", "name": None, "arguments": ""})',
        );
        code.line('function = piece.get("function") or {}');
        code.line('call["id"] = call["id"] or piece.get("id")');
        code.line('call["name"] = call["name"] or function.get("name")');
        code.line('call["arguments"] += function.get("arguments") or ""');
      });
    });
    code.line('if reasoning:');
    code.line('    print()');
    code.line('message = {"role": "assistant", "content": content}');
    code.line('if reasoning:');
    code.line('    message["reasoning_content"] = reasoning  # interleaved thinking: it goes back with the results');
    code.line('if calls:');
    code.line('    message["tool_calls"] = [');
    code.line(
      '        {"id": call["id"], "type": call["type"], "function": {"name": call["name"], "arguments": call["arguments"]}}',
    );
    code.line('        for _, call in sorted(calls.items())');
    code.line('    ]');
    code.line('return message');
  });
}

function writeAskComplete(code: CodeBuilder): void {
  code.block('def ask():', () => {
    code.line('"""Send the body and return the assistant message."""');
    code.line('response = requests.post(API_URL, headers=headers, json=body, timeout=600)');
    code.line('if response.status_code != 200:');
    code.line('    sys.exit(f"HTTP {response.status_code}: {response.text}")');
    code.line('message = response.json()["choices"][0]["message"]');
    code.line('if message.get("reasoning_content"):');
    code.line('    print(message["reasoning_content"])');
    code.line('return message');
  });
}

export function generatePythonToolLoop(request: ChatRequest, options: ExportOptions): string {
  const images = exportedImages(request.body);
  const code = new CodeBuilder('    ');
  writeRequestsPreamble(code, request, options, images);
  code.line();
  writeStubs(code, functionToolNames(request.body));
  code.line();
  code.line();
  if (isStreaming(request.body)) writeAskStreaming(code);
  else writeAskComplete(code);
  code.line();
  code.line();
  code.block('def run_tool(call):', () => {
    code.line('"""The result of one tool call, as the content of its tool message."""');
    code.line('function = call["function"]');
    code.line('tool = TOOLS.get(function["name"])');
    code.line('if tool is None:');
    code.line('    return json.dumps({"error": f"unknown tool {function[\'name\']}"})');
    code.line('try:');
    code.line('    arguments = json.loads(function["arguments"] or "{}")');
    code.line('except ValueError:');
    code.line('    return json.dumps({"error": "the arguments are not valid JSON"})');
    code.line('return tool(arguments)');
  });
  code.line();
  code.line();
  code.line(`for round_number in range(1, ${toolLoopMaximumRounds + 1}):`);
  code.indented(() => {
    code.line(`print(f"=== Round {round_number} ===")`);
    code.line('message = ask()');
    code.line('calls = message.get("tool_calls") or []');
    code.line('if not calls:');
    code.line(`    print("${outputHeadings.answer}")`);
    code.line('    print((message.get("content") or "").strip())');
    code.line('    break');
    code.line('# The assistant message goes back unchanged, then one tool message per call.');
    code.line('body["messages"].append(message)');
    code.block('for call in calls:', () => {
      code.line('result = run_tool(call)');
      code.line("print(f\"Tool call {call['function']['name']} {call['function']['arguments']} -> {result}\")");
      code.line('body["messages"].append({"role": "tool", "tool_call_id": call["id"], "content": result})');
    });
  });
  code.line('else:');
  code.line(`    sys.exit("Still calling tools after ${toolLoopMaximumRounds} rounds; stopping.")`);
  return code.toString();
}
