import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCurlCommand, readCurlImport, type CurlCommand } from '../../src/core/curlImport';
import { parseShellCommands } from '../../src/core/shellWords';

function command(text: string): CurlCommand {
  const result = parseCurlCommand(text);
  if (!result.ok) throw new Error(result.message);
  return result.command;
}

function body(text: string): unknown {
  return JSON.parse(command(text).bodyText ?? 'null');
}

/** The vendor's bash samples as published on docs.z.ai (guides/llm/glm-4.5, guides/llm/glm-4-32b-0414-128k). */
function docsSamples(): string[] {
  const directory = new URL('../fixtures/curl/', import.meta.url);
  return readdirSync(directory)
    .filter((file) => file.startsWith('zai-docs-'))
    .map((file) => readFileSync(new URL(file, directory), 'utf8'));
}

describe('shell words', () => {
  it('joins `\\` line continuations', () => {
    const parsed = parseShellCommands('curl \\\n  -s \\\n  https://x');
    expect(parsed.ok && parsed.commands[0]?.words.map((word) => word.text)).toEqual(['curl', '-s', 'https://x']);
  });

  it("decodes $'…' ANSI-C quoting", () => {
    const parsed = parseShellCommands("echo $'a\\nb\\t\\x41\\u00e9\\'q'");
    expect(parsed.ok && parsed.commands[0]?.words[1]?.text).toBe("a\nb\tAé'q");
  });

  it('keeps backslashes in double quotes except before $ ` " \\', () => {
    const parsed = parseShellCommands('echo "a\\"b \\$x \\n"');
    expect(parsed.ok && parsed.commands[0]?.words[1]?.text).toBe('a"b $x \\n');
  });

  it('reports an unclosed quote', () => {
    expect(parseShellCommands('curl -d \'{"a": 1}').ok).toBe(false);
  });
});

describe('parseCurlCommand', () => {
  it('reads every curl sample from the Z.ai docs', () => {
    const samples = docsSamples();
    expect(samples.length).toBeGreaterThanOrEqual(4);
    for (const sample of samples) {
      const read = readCurlImport(sample);
      expect(read.ok).toBe(true);
      if (read.ok) {
        expect(read.command.baseUrl).toBe('https://api.z.ai/api/paas/v4');
        expect(read.command.unmapped).toEqual([]);
      }
    }
  });

  it('reads a single-quoted -d body', () => {
    expect(body(`curl https://api.z.ai/api/paas/v4/chat/completions -d '{"model":"glm-4.7","messages":[]}'`)).toEqual({
      model: 'glm-4.7',
      messages: [],
    });
  });

  it('reads a double-quoted --data body with escaped quotes', () => {
    expect(body('curl https://api.z.ai/api/paas/v4/chat/completions --data "{\\"model\\": \\"glm-4.5\\"}"')).toEqual({
      model: 'glm-4.5',
    });
  });

  it('reads --data-raw and --data-binary', () => {
    expect(body(`curl https://h/chat/completions --data-raw '{"a":"@x"}'`)).toEqual({ a: '@x' });
    expect(body(`curl https://h/chat/completions --data-binary '{"b":1}'`)).toEqual({ b: 1 });
  });

  it("reads an $'…' body", () => {
    expect(body('curl https://h/chat/completions -d $\'{"c": "it\\\'s"}\'')).toEqual({ c: "it's" });
  });

  it("reads a heredoc body (--data-binary @- <<'JSON')", () => {
    const text =
      'curl -sS -N \'https://api.z.ai/api/paas/v4/chat/completions\' \\\n  --data-binary @- <<\'JSON\'\n{\n  "model": "glm-4.7"\n}\nJSON\necho\n';
    expect(command(text).bodyText).toBe('{\n  "model": "glm-4.7"\n}\n');
  });

  it('reads a -d @- heredoc the way curl does (newlines dropped)', () => {
    expect(command('curl https://h/chat/completions -d @- <<\'EOF\'\n{"a":\n 1}\nEOF\n').bodyText).toBe('{"a": 1}');
  });

  it('reads <<- heredocs with leading tabs and here-strings', () => {
    expect(body('curl https://h/chat/completions --data @- <<-EOF\n\t{"a": 2}\n\tEOF\n')).toEqual({ a: 2 });
    expect(body('curl https://h/chat/completions --data-binary @- <<< \'{"a": 3}\'')).toEqual({ a: 3 });
  });

  it('notes an unquoted heredoc whose body a shell would expand', () => {
    expect(command('curl https://h/chat/completions -d @- <<EOF\n{"a": "$HOME"}\nEOF\n').unmapped.join(' ')).toMatch(
      /not quoted/,
    );
  });

  it('reads bundled and attached short options (-sSN, -XPOST, -H…)', () => {
    const read = command(`curl -sSN -XPOST -H'Authorization: Bearer abc.def' https://h/v4/chat/completions -d'{}'`);
    expect(read).toMatchObject({ apiKey: 'abc.def', baseUrl: 'https://h/v4', bodyText: '{}', unmapped: [] });
  });

  it('offers a literal Bearer key', () => {
    expect(command(`curl https://h/chat/completions -H "Authorization: Bearer sk-live-123" -d '{}'`).apiKey).toBe(
      'sk-live-123',
    );
  });

  it('recognises $ZAI_API_KEY and ${ZAI_API_KEY} placeholders and does not offer them', () => {
    for (const token of ['$ZAI_API_KEY', '${ZAI_API_KEY}']) {
      expect(command(`curl https://h/chat/completions -H "Authorization: Bearer ${token}" -d '{}'`)).toMatchObject({
        apiKey: null,
        keyPlaceholder: token,
      });
    }
  });

  it('recognises the docs placeholder "your-api-key"', () => {
    expect(command(`curl https://h/chat/completions -H "Authorization: Bearer your-api-key" -d '{}'`)).toMatchObject({
      apiKey: null,
      keyPlaceholder: 'your-api-key',
    });
  });

  it('takes the key a script assigns to the variable the header uses', () => {
    const script = `ZAI_API_KEY='sk-embedded'\ncurl https://h/chat/completions -H "Authorization: Bearer $ZAI_API_KEY" -d '{}'`;
    expect(command(script).apiKey).toBe('sk-embedded');
  });

  it('strips user:password@ from the base URL and says so', () => {
    const read = command(`curl https://user:secret@api.z.ai/api/paas/v4/chat/completions -d '{}'`);
    expect(read.baseUrl).toBe('https://api.z.ai/api/paas/v4');
    expect(read.unmapped.join(' ')).toMatch(/user name and password/);
  });

  it('does not take an endpoint from a URL that is not /chat/completions', () => {
    const read = command(`curl https://h/v4/embeddings -d '{}'`);
    expect(read.baseUrl).toBeNull();
    expect(read.unmapped.join(' ')).toMatch(/does not end in \/chat\/completions/);
  });

  it('lists other headers, methods, credentials and unknown options instead of dropping them silently', () => {
    const read = command(`curl -X PUT -u me:pw --frobnicate -H 'X-Trace: 1' https://h/chat/completions -d '{}'`);
    expect(read.unmapped).toEqual([
      '-u (credentials) was not imported.',
      'Unknown option --frobnicate was not imported.',
      'The method PUT was not imported (chat completions are always POST).',
      'The header "X-Trace" was not imported (the playground sends its own headers).',
    ]);
    expect(read.unmapped.join(' ')).not.toContain('pw');
  });

  it('lists a body read from a file, which cannot be opened here', () => {
    expect(command('curl https://h/chat/completions -d @body.json').unmapped.join(' ')).toMatch(/file "body.json"/);
  });

  it('ignores the exported script boilerplate and lists other commands', () => {
    const read = command(
      `#!/usr/bin/env bash\nset -euo pipefail\n: "\${ZAI_API_KEY:?Set it}"\nrm -rf /tmp/x\ncurl https://h/chat/completions -d '{}'\necho`,
    );
    expect(read.unmapped).toEqual(['Not a curl command, ignored: rm -rf /tmp/x']);
  });

  it('refuses text without a curl command', () => {
    expect(parseCurlCommand('wget https://example.com')).toEqual({
      ok: false,
      message: expect.stringMatching(/No curl command/) as unknown,
    });
  });

  it('refuses a command without a body', () => {
    const read = readCurlImport('curl https://api.z.ai/api/paas/v4/chat/completions');
    expect(read.ok).toBe(false);
    expect(!read.ok && read.message).toMatch(/no JSON body/);
  });

  it('passes body problems on with their location', () => {
    const read = readCurlImport(
      `curl https://h/chat/completions -d '{"model": "glm-4.7", "messages": [], "temperature": 7}'`,
    );
    expect(!read.ok && read.problems[0]?.path).toBe('temperature');
  });
});
