// Rules of the code generators that a reader of the exported code would notice.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { codeLanguages, codeTargets, generateCode, type CodeLibrary } from '../../src/core/codegen';
import { heredocDelimiter } from '../../src/core/codegen/curl';
import { baseUrlForExport } from '../../src/core/codegen/shared';
import { stubNames, toolLoopOption } from '../../src/core/codegen/toolLoop';
import { javaString, jsonString, jsonText, pythonString } from '../../src/core/codegen/quoting';
import type { ChatRequest } from '../../src/core/request';
import { hostileTexts } from '../fixtures/codegen/hostile';
import {
  hostileComplete,
  hostileStreaming,
  imageDataUrl,
  largeRequest,
  requestFixtures,
} from '../fixtures/codegen/requests';

const allLibraries: CodeLibrary[] = codeTargets.map((target) => target.id);

function fixture(name: string): ChatRequest {
  const found = requestFixtures.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no fixture ${name}`);
  return found.request;
}

function generate(
  request: ChatRequest,
  library: CodeLibrary,
  extra: { includeKey?: boolean; apiKey?: string } = {},
): string {
  return generateCode(request, {
    library,
    includeKey: extra.includeKey ?? false,
    apiKey: extra.apiKey,
  });
}

const streaming = fixture('stream-thinking');
const complete = fixture('complete-no-thinking');

describe('registry', () => {
  it('offers cURL, Python and Java tabs with file names and Monaco languages', () => {
    expect(codeLanguages.map((language) => [language.label, language.fileName, language.monacoLanguage])).toEqual([
      ['cURL', 'glm-request.sh', 'shell'],
      ['Python', 'glm_request.py', 'python'],
      ['Java', 'GlmRequest.java', 'java'],
    ]);
  });

  it('lists the libraries per language, requests and HttpClient first', () => {
    expect(codeLanguages.map((language) => language.targets.map((target) => target.id))).toEqual([
      ['curl'],
      ['python-requests', 'python-zai-sdk', 'python-openai'],
      ['java-httpclient', 'java-zai-sdk'],
    ]);
    expect(codeLanguages.map((language) => language.targets[0]?.id)).toEqual([
      'curl',
      'python-requests',
      'java-httpclient',
    ]);
  });

  it('refuses a library that is not registered', () => {
    expect(() => generateCode(streaming, { library: 'ruby-net-http' as CodeLibrary, includeKey: false })).toThrow(
      /Unknown code library "ruby-net-http"/,
    );
  });
});

describe('endpoint', () => {
  it('exports the real upstream URL when the app goes through the local proxy', () => {
    const proxied: ChatRequest = { ...streaming, baseUrl: '/proxy/zai/api/coding/paas/v4' };
    for (const library of ['curl', 'python-requests', 'java-httpclient'] as const) {
      const code = generate(proxied, library);
      expect(code).toContain('https://api.z.ai/api/coding/paas/v4/chat/completions');
      expect(code).not.toContain('/proxy/');
    }
  });

  it.each(allLibraries)('%s exported from the offline demo calls the real Z.ai API and says so', (library) => {
    for (const baseUrl of ['/mock-zai/api/paas/v4', 'http://localhost:5173/mock-zai/api/paas/v4']) {
      const code = generate({ ...streaming, baseUrl }, library);
      expect(code).not.toContain('mock-zai');
      expect(code).toContain('offline demo (a mock server); this code calls the real');
      expect(code).toContain('Z.ai API at https://api.z.ai/api/paas/v4');
    }
    expect(generate({ ...streaming, baseUrl: '/proxy/zai/api/paas/v4' }, library)).toContain(
      'sent this through its local proxy; this code calls the upstream directly',
    );
    expect(generate(streaming, library)).not.toMatch(/offline demo|local proxy/);
  });

  it('gives other same-origin paths the page origin, and leaves the proxy and the demo to the generators', () => {
    expect(baseUrlForExport('/v1', 'http://localhost:5173/')).toBe('http://localhost:5173/v1');
    expect(baseUrlForExport('/proxy/zai/api/paas/v4', 'http://x')).toBe('/proxy/zai/api/paas/v4');
    expect(baseUrlForExport('/mock-zai/api/paas/v4', 'http://x')).toBe('/mock-zai/api/paas/v4');
    expect(baseUrlForExport('https://api.z.ai/api/paas/v4', 'http://x')).toBe('https://api.z.ai/api/paas/v4');
  });

  it('does not double the slash of a base URL that ends with one', () => {
    const code = generate({ ...streaming, baseUrl: 'https://api.z.ai/api/paas/v4/' }, 'curl');
    expect(code).toContain("'https://api.z.ai/api/paas/v4/chat/completions'");
  });
});

describe('API key', () => {
  const key = 'sk-secret.\'$HOME"';

  it.each(['python-requests', 'python-zai-sdk', 'python-openai'] as const)(
    '%s with the key included drops the os import and the environment hint',
    (library) => {
      const code = generate(streaming, library, { includeKey: true, apiKey: key });
      expect(code).not.toMatch(/^import os$/m);
      expect(code).not.toContain('Set ZAI_API_KEY in your environment');
      // requests still exits on an HTTP error; the SDK flavours no longer use sys.
      expect(/^import sys$/m.test(code)).toBe(library === 'python-requests');
      expect(generate(streaming, library)).toMatch(/^import os$/m);
    },
  );

  it.each(allLibraries)('%s reads ZAI_API_KEY from the environment and never embeds a key by default', (library) => {
    const code = generate(streaming, library, { apiKey: key });
    expect(code).not.toContain('sk-secret');
    expect(code).toContain('Set ZAI_API_KEY to your Z.ai API key');
    const reference = {
      curl: '"$ZAI_API_KEY"',
      python: 'os.environ["ZAI_API_KEY"]',
      java: 'System.getenv("ZAI_API_KEY")',
    };
    const language = library === 'curl' ? 'curl' : library.startsWith('python') ? 'python' : 'java';
    expect(code).toContain(language === 'curl' ? '${ZAI_API_KEY:?' : reference[language]);
  });

  it.each(allLibraries)('%s embeds the key, quoted, with a warning, only when asked', (library) => {
    const code = generate(streaming, library, { includeKey: true, apiKey: key });
    expect(code).toContain('WARNING: this file contains your API key');
    const quoted =
      library === 'curl'
        ? `'sk-secret.'\\''$HOME"'`
        : library.startsWith('python')
          ? '"sk-secret.\'$HOME\\""'
          : '"sk-secret.\'$HOME\\""';
    expect(code).toContain(quoted);
  });

  it('falls back to the environment variable when "include key" is on but no key is set', () => {
    const code = generate(streaming, 'python-requests', { includeKey: true, apiKey: '  ' });
    expect(code).toContain('os.environ["ZAI_API_KEY"]');
    expect(code).not.toContain('WARNING');
  });
});

describe('cURL', () => {
  it('uses curl -N (no buffering) only for streaming requests', () => {
    expect(generate(streaming, 'curl')).toContain('curl -sS -N ');
    expect(generate(complete, 'curl')).not.toContain(' -N ');
  });

  it('carries the exact body in a quoted heredoc', () => {
    const code = generate(hostileStreaming.request, 'curl');
    const match = /--data-binary @- <<'(\w+)'\n([\s\S]*?)\n\1\n/.exec(code);
    expect(match).not.toBeNull();
    expect(JSON.parse(match?.[2] ?? '')).toEqual(hostileStreaming.request.body);
  });

  it('picks a heredoc delimiter that no body line equals', () => {
    expect(heredocDelimiter('{\n  "a": 1\n}')).toBe('JSON');
    expect(heredocDelimiter('JSON\nJSON_1\nx')).toBe('JSON_2');
  });
});

describe('quoting', () => {
  it('JSON text escapes invisible characters and keeps readable ones', () => {
    expect(jsonString('a\u2028b\u200dc\u0000d')).toBe('"a\\u2028b\\u200dc\\u0000d"');
    expect(jsonString('中文 😀 𝄞')).toBe('"中文 😀 𝄞"');
  });

  it('JSON text round-trips every hostile value', () => {
    for (const text of hostileTexts)
      expect(JSON.parse(jsonText({ text, list: [text] }))).toEqual({ text, list: [text] });
  });

  it('Python literals evaluate back to every hostile text', () => {
    const program = `import json\nprint(json.dumps([${hostileTexts.map(pythonString).join(', ')}]))`;
    const output = execFileSync('python3', ['-c', program], { encoding: 'utf8' });
    expect(JSON.parse(output)).toEqual(hostileTexts);
  });

  it('Java literals are pure ASCII and never use \\u for quotes, backslashes or line breaks', () => {
    expect(javaString('a"b\\c\nd\u0000e')).toBe('"a\\"b\\\\c\\nd\\000e"');
    expect(javaString('中😀\u2028')).toBe('"\\u4e2d\\ud83d\\ude00\\u2028"');
  });

  it('Java keeps a literal backslash-u in the text from being read as a unicode escape', () => {
    // "\u0022" typed by a person becomes \\u0022 in the source: an escaped backslash, then plain "u0022".
    expect(javaString('\\u0022')).toBe('"\\\\u0022"');
  });
});

describe('Java source', () => {
  it('is pure ASCII for the hostile corpus and the 200 KB message', () => {
    for (const request of [hostileStreaming.request, hostileComplete.request, largeRequest.request]) {
      for (const library of ['java-httpclient', 'java-zai-sdk'] as const) {
        expect(generate(request, library)).toMatch(/^[\x20-\x7e\n]*$/);
      }
    }
  });

  it('splits long text into run-time joined literals below the 64 KB constant limit', () => {
    const code = generate(largeRequest.request, 'java-httpclient');
    expect(code).toContain('String.join("",');
    const longest = Math.max(...(code.match(/"(?:[^"\\\n]|\\.)*"/g) ?? []).map((literal) => literal.length));
    // At most 8000 UTF-16 units per literal, each at most 6 ASCII characters (\uXXXX).
    expect(longest).toBeLessThanOrEqual(8000 * 6 + 2);
  });

  it('keeps user text out of comments (a model id cannot end a comment or inject a \\u escape)', () => {
    const request: ChatRequest = { ...streaming, body: { ...streaming.body, model: 'x */ \\u000a\nmodel' } };
    for (const library of ['java-httpclient', 'java-zai-sdk'] as const) {
      const comments = generate(request, library)
        .split('\n')
        .filter((line) => line.trimStart().startsWith('//'));
      for (const line of comments) expect(line).not.toMatch(/\\|\*\//);
    }
  });
});

describe('Python SDK flavours', () => {
  it('zai-sdk uses ZhipuAiClient for the mainland endpoint and ZaiClient otherwise', () => {
    const mainland = generate(fixture('bigmodel-through-proxy'), 'python-zai-sdk');
    expect(mainland).toContain('from zai import ZhipuAiClient');
    expect(mainland).toContain('client = ZhipuAiClient(api_key=api_key)\n');
    expect(generate(streaming, 'python-zai-sdk')).toContain('client = ZaiClient(api_key=api_key)\n');
    const coding = generate({ ...streaming, baseUrl: 'https://api.z.ai/api/coding/paas/v4' }, 'python-zai-sdk');
    expect(coding).toContain('client = ZaiClient(api_key=api_key, base_url="https://api.z.ai/api/coding/paas/v4")');
  });

  it('zai-sdk says when it will not send the same temperature or top_p', () => {
    const rewritten = generate(fixture('extra-fields'), 'python-zai-sdk');
    expect(rewritten).toContain('temperature 1 is sent as 0.99');
    expect(rewritten).toContain('top_p 1 is sent as 0.99');
    expect(generate(fixture('temperature-zero'), 'python-zai-sdk')).toContain(
      'temperature 0 is sent as 0.01 with do_sample=False',
    );
    expect(generate(streaming, 'python-zai-sdk')).not.toContain('is sent as');
  });

  it('zai-sdk passes thinking and says which nulls the SDK adds', () => {
    const thinking = generate(streaming, 'python-zai-sdk');
    expect(thinking).toMatch(/^ {4}thinking=\{/m);
    expect(thinking).toContain('"response_format": null is added (the argument defaults to None)');
    expect(thinking).not.toContain('"thinking": null is added');
    expect(generate(fixture('glm-4-32b'), 'python-zai-sdk')).toContain('"thinking": null is added');
    expect(generate(fixture('extra-fields'), 'python-zai-sdk')).not.toContain('"response_format": null');
  });

  it('zai-sdk sends what create() has no argument for through extra_body', () => {
    const code = generate(fixture('extra-fields'), 'python-zai-sdk');
    expect(code).toMatch(/extra_body=\{\n\s+"custom_field": \{/);
    expect(code).toContain('create() has no argument for custom_field');
  });

  it('openai passes Z.ai-only fields through extra_body', () => {
    const code = generate(streaming, 'python-openai');
    expect(code).toMatch(/extra_body=\{\n\s+"thinking": \{\n\s+"type": "enabled",/);
    expect(code).not.toMatch(/^\s+thinking=/m);
    expect(code).toContain('OpenAI(api_key=api_key, base_url="https://api.z.ai/api/paas/v4")');
  });

  it('every Python export parses (python3 ast)', () => {
    const sources = [...requestFixtures, hostileStreaming, hostileComplete].flatMap((item) =>
      (['python-requests', 'python-zai-sdk', 'python-openai'] as const).map((library) =>
        generate(item.request, library),
      ),
    );
    const program = 'import ast, json, sys\nfor source in json.load(sys.stdin):\n    ast.parse(source)\nprint("ok")';
    expect(execFileSync('python3', ['-c', program], { input: JSON.stringify(sources), encoding: 'utf8' }).trim()).toBe(
      'ok',
    );
  });
});

describe('Java SDK flavour', () => {
  it('sends fields with a typed setter through it and every other field through extraJson', () => {
    const code = generate(fixture('extra-fields'), 'java-zai-sdk');
    expect(code).toContain('.responseFormat(ResponseFormat.builder().type("json_object").build())');
    expect(code).toContain('.toolChoice("auto")');
    expect(code).toContain('ChatTool.builder().type("function").function(ChatFunction.builder().name("get_weather")');
    expect(code).toContain('.extraJson(map("custom_field", map("nested", Arrays.asList(1, 2.5, true, null, "x"))))');
    expect(code).not.toMatch(/^\s*\.stream\(/m);
    expect(code).not.toMatch(/cannot|does not send/);
  });

  it('sends thinking with clear_thinking as a whole map in extraJson, with .thinking() unset', () => {
    const code = generate(fixture('preserved-thinking'), 'java-zai-sdk');
    expect(code).toContain('.extraJson(map("thinking", map("type", "enabled", "clear_thinking", false)))');
    expect(code).not.toContain('.thinking(');
  });

  it('calls .stream() only with the value the body has (no stream(false) added)', () => {
    const code = generate(complete, 'java-zai-sdk');
    expect(code).not.toMatch(/^\s*\.stream\(/m);
    expect(code).toContain('Without .stream(true) the SDK reads one JSON response');
    expect(generate(streaming, 'java-zai-sdk')).toContain('.stream(true)');
  });

  it('passes temperature and top_p as Float literals', () => {
    const code = generate(fixture('multi-turn-system'), 'java-zai-sdk');
    expect(code).toContain('.topP(0.8f)');
  });

  it('picks ofZAI, ofZHIPU or an explicit base URL ending in a slash', () => {
    expect(generate(streaming, 'java-zai-sdk')).toContain('ZaiClient.builder().ofZAI().apiKey(apiKey)');
    expect(generate(fixture('bigmodel-through-proxy'), 'java-zai-sdk')).toContain(
      'ZaiClient.builder().ofZHIPU().apiKey(apiKey)',
    );
    expect(generate({ ...streaming, baseUrl: 'http://localhost:8000/v1' }, 'java-zai-sdk')).toContain(
      '.baseUrl("http://localhost:8000/v1/")',
    );
  });
});

describe('images and tool calls', () => {
  const image = fixture('image-message');

  it.each(allLibraries)('%s reads the image from a file named at the top instead of inlining base64', (library) => {
    const code = generate(image, library);
    expect(code).not.toContain(imageDataUrl.slice(30, 60));
    expect(code).toMatch(/IMAGE_PATH ?= ?['"]image\.png['"]/);
    expect(code).toContain("set this to the file's path");
  });

  it.each(allLibraries)('%s reads a bare-base64 image from a file and sends it bare, as the app did', (library) => {
    const code = generate(fixture('image-bare-base64'), library);
    expect(code).not.toContain(imageDataUrl.slice(30, 60));
    expect(code).toMatch(/IMAGE_PATH ?= ?['"]image\.png['"]/);
    expect(code).toMatch(/image_base64|imageBase64/);
    expect(code).not.toMatch(/image_data_url|imageDataUrl/);
    expect(code).toContain('as bare base64');
  });

  it('zai-sdk says it strips the data-URL prefix', () => {
    expect(generate(image, 'python-zai-sdk')).toContain('the SDK strips the "data:image/...;base64," prefix');
    expect(generate(streaming, 'python-zai-sdk')).not.toContain('strips');
  });

  it.each(['python-requests', 'python-zai-sdk', 'python-openai', 'java-httpclient', 'java-zai-sdk'] as const)(
    '%s prints streamed tool-call arguments as they arrive, joined per call',
    (library) => {
      const code = generate(fixture('tools-and-format'), library);
      expect(code).toMatch(/show_tool_call\(|showToolCall\(/);
      expect(code).toMatch(/print_tool_calls\(\)|printToolCalls\(\);/);
    },
  );

  it('sends reasoning_effort through extra_body or extraJson in the SDK flavours', () => {
    const request = fixture('reasoning-effort');
    expect(generate(request, 'python-zai-sdk')).toMatch(/extra_body=\{\n\s+"reasoning_effort": "high",/);
    expect(generate(request, 'python-openai')).toMatch(/extra_body=\{[^)]*"reasoning_effort": "high",/);
    expect(generate(request, 'java-zai-sdk')).toContain('.extraJson(map("reasoning_effort", "high"))');
  });
});

describe('minimal', () => {
  it.each(allLibraries)('%s is a short quick-start with the same body as the complete version', (library) => {
    const minimal = generateCode(streaming, { library, includeKey: false, minimal: true });
    const complete = generate(streaming, library);
    // Java's body is one string literal per JSON line (no text blocks before JDK 15).
    expect(minimal.split('\n').length).toBeLessThanOrEqual(library === 'java-httpclient' ? 36 : 30);
    expect(minimal.length).toBeLessThan(complete.length / 1.5);
    expect(minimal).toContain('Explain SSE in one paragraph.');
  });
});

describe('the tool loop option', () => {
  const withTools = fixture('tools-and-format');

  it.each(toolLoopOption.libraries)('%s writes a loop with one stub per function tool when asked', (library) => {
    const loop = generateCode(withTools, { library: library as CodeLibrary, includeKey: false, toolLoop: true });
    expect(loop).toContain('Replace with your function: the get_weather tool.');
    expect(loop).toMatch(/tool_call_id/);
    expect(loop).not.toBe(generate(withTools, library as CodeLibrary));
  });

  it.each(allLibraries)('%s exports the single request when the body has no function tools', (library) => {
    const plain = fixture('stream-thinking');
    expect(generateCode(plain, { library, includeKey: false, toolLoop: true })).toBe(generate(plain, library));
  });

  it('is only written by the targets that list it', () => {
    for (const library of allLibraries.filter((candidate) => !toolLoopOption.libraries.includes(candidate)))
      expect(generateCode(withTools, { library, includeKey: false, toolLoop: true })).toBe(
        generate(withTools, library),
      );
  });

  it('turns tool names into distinct identifiers that are not keywords or the program’s own names', () => {
    expect(stubNames(['get-weather', 'get_weather', '3d', 'class', 'body'], new Set(['class', 'body']))).toEqual([
      'get_weather',
      'get_weather_2',
      'tool_3d',
      'tool_class',
      'tool_body',
    ]);
  });

  it('keeps a hostile tool name out of code and comments', () => {
    const hostile = structuredClone(withTools);
    const tools = hostile.body.tools as { function: { name: string } }[];
    if (tools[0]) tools[0].function.name = 'x*/"""\n$(id)';
    const python = generateCode(hostile, { library: 'python-requests', includeKey: false, toolLoop: true });
    expect(python).toContain('def x________id_(arguments):');
    expect(python).toContain('"x*/\\"\\"\\"\\n$(id)": x________id_,');
    const java = generateCode(hostile, { library: 'java-httpclient', includeKey: false, toolLoop: true });
    expect(java).toContain('the x?/?????(id) tool');
    expect(java).toContain('case "x*/\\"\\"\\"\\n$(id)": return x________id_(parsed);');
    expect(java).not.toMatch(/\/\*\*.*x\*\//);
  });
});
