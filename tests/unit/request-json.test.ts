import { describe, expect, it } from 'vitest';
import { buildRequestBody, defaultSettingsFor, formOwnedFields, type ConversationTurn } from '../../src/core/request';
import { settingsFromParsed } from '../../src/core/bodySettings';
import { parseRequestJson, requestFromBody, type RequestJsonResult } from '../../src/core/requestJson';
import { settingsSchema } from '../../src/store/schema';

const hello = [{ role: 'user', content: 'Hello' }];

function parse(body: Record<string, unknown>): RequestJsonResult {
  return parseRequestJson(JSON.stringify(body, null, 2));
}

function ok(result: RequestJsonResult) {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.problems)}`);
  return result;
}

function problems(result: RequestJsonResult) {
  if (result.ok) throw new Error('expected problems');
  return result.problems;
}

/** Body → form → body again, as the JSON editor, share links and the cURL import do. */
function rebuilt(body: Record<string, unknown>) {
  const parsed = ok(parse(body));
  return buildRequestBody(settingsFromParsed(parsed, defaultSettingsFor('glm-4.7')), parsed.turns);
}

describe('buildRequestBody with extraFields', () => {
  it('sends extra fields verbatim after the form fields', () => {
    const settings = {
      ...defaultSettingsFor('glm-4.5'),
      extraFields: { stop: ['<end>'], meta: { trace: 'a' } },
    };
    expect(buildRequestBody(settings, [{ role: 'user', content: 'Hi' }])).toMatchObject({
      stop: ['<end>'],
      meta: { trace: 'a' },
    });
  });

  it('never lets extraFields override a form-owned field', () => {
    const extraFields = Object.fromEntries(formOwnedFields.map((name) => [name, 'from extraFields']));
    const body = buildRequestBody({ ...defaultSettingsFor('glm-4.5', { stream: false }), extraFields }, [
      { role: 'user', content: 'Hi' },
    ]);
    expect(body).toEqual({
      model: 'glm-4.5',
      messages: [{ role: 'user', content: 'Hi' }],
      thinking: { type: 'enabled' },
    });
  });

  it('keeps extraFields when the model changes', () => {
    const previous = { ...defaultSettingsFor('glm-4.5'), extraFields: { do_sample: false } };
    expect(defaultSettingsFor('glm-4.7', previous).extraFields).toEqual({ do_sample: false });
  });
});

describe('saved settings and extraFields', () => {
  it('gives settings saved before extraFields existed an empty record instead of dropping them', () => {
    const { extraFields: _extraFields, ...older } = { ...defaultSettingsFor('glm-4.6'), systemPrompt: 'Kept' };
    const parsed = settingsSchema.safeParse(older);
    expect(parsed.success && parsed.data).toEqual({ ...older, extraFields: {} });
  });

  it('refuses extraFields that are not an object', () => {
    expect(settingsSchema.safeParse({ ...defaultSettingsFor('glm-4.6'), extraFields: ['stop'] }).success).toBe(false);
  });
});

describe('parseRequestJson', () => {
  it('refuses a body nested 100,000 levels deep with a problem at the bracket that goes too deep', () => {
    const text = `{"model":"glm-4.7","messages":[],\n"extra":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    expect(parseRequestJson(text)).toEqual({
      ok: false,
      problems: [
        {
          path: '',
          message: 'This request cannot be used: it is nested more than 64 levels deep.',
          line: 2,
          column: 72,
        },
      ],
    });
  });

  it('reads model, stream and messages into the form and the turns', () => {
    const result = ok(
      parse({
        model: 'glm-4.6',
        messages: [{ role: 'system', content: 'Be brief.' }, ...hello, { role: 'assistant', content: 'Hi!' }],
        stream: true,
      }),
    );
    expect(result.settingsPatch).toMatchObject({
      model: 'glm-4.6',
      stream: true,
      systemPrompt: 'Be brief.',
      thinking: true,
    });
    expect(result.turns).toEqual([
      { role: 'user', content: 'Hello' },
      { role: 'assistant', content: 'Hi!' },
    ]);
  });

  it('puts unknown fields into extraFields verbatim', () => {
    const extra = {
      meta: { trace: 'a' },
      stop: ['x'],
      request_id: 'r-1',
      do_sample: false,
    };
    expect(ok(parse({ model: 'glm-4.7', messages: hello, ...extra })).extraFields).toEqual(extra);
  });

  it('pins every parameter present in the body, at the model default or not', () => {
    const result = ok(parse({ model: 'glm-4.5', messages: hello, temperature: 0.6, top_p: 0.5 }));
    expect(result.settingsPatch.pinned).toEqual({
      temperature: true,
      top_p: true,
      max_tokens: false,
      reasoning_effort: false,
      response_format: false,
    });
    expect(result.settingsPatch.topP).toBe(0.5);
  });

  it('uses the model defaults, unpinned, for absent parameters', () => {
    const result = ok(parse({ model: 'glm-4.5', messages: hello }));
    expect(result.settingsPatch).toMatchObject({
      temperature: 0.6,
      topP: 0.95,
      maxTokens: 65_536,
      pinned: { temperature: false, top_p: false, max_tokens: false },
    });
  });

  it('reads thinking disabled, and enabled when thinking is absent on a thinking model', () => {
    expect(
      ok(parse({ model: 'glm-4.5', messages: hello, thinking: { type: 'disabled' } })).settingsPatch.thinking,
    ).toBe(false);
    expect(ok(parse({ model: 'glm-4.5', messages: hello })).settingsPatch.thinking).toBe(true);
  });

  it('reads clear_thinking: false as preserved thinking and keeps assistant reasoning_content', () => {
    const result = ok(
      parse({
        model: 'glm-4.7',
        thinking: { type: 'enabled', clear_thinking: false },
        messages: [
          ...hello,
          { role: 'assistant', content: '4', reasoning_content: 'sum' },
          { role: 'user', content: 'x3?' },
        ],
      }),
    );
    expect(result.settingsPatch.preserveReasoning).toBe(true);
    expect(result.turns[1]).toEqual({ role: 'assistant', content: '4', reasoning: 'sum' });
  });

  it('round-trips a body through the form exactly', () => {
    const body = {
      model: 'glm-4.7',
      messages: [{ role: 'system', content: 's' }, ...hello],
      stream: true,
      thinking: { type: 'enabled' },
      temperature: 1,
      top_p: 0.3,
      max_tokens: 1000,
      stop: ['x'],
      user_id: 'user-123456',
    };
    expect(rebuilt(body)).toEqual(body);
  });

  it('reports invalid JSON with its line and column', () => {
    expect(problems(parseRequestJson('{\n  "model": "glm-4.7",\n  "messages": [,]\n}'))).toEqual([
      expect.objectContaining({
        path: '',
        line: 3,
        column: 16,
        message: expect.stringMatching(/^Not valid JSON/) as unknown,
      }),
    ]);
  });

  it('reports a trailing comma as invalid JSON', () => {
    expect(problems(parseRequestJson('{"model": "glm-4.7", "messages": [],}'))[0]?.message).toMatch(/trailing comma/);
  });

  it('requires an object at the top level', () => {
    expect(problems(parseRequestJson('[1, 2]'))[0]?.message).toMatch(/must be a JSON object/);
  });

  it('requires a model id string', () => {
    expect(problems(parse({ model: 5, messages: hello }))).toEqual([
      expect.objectContaining({ path: 'model', line: 2 }),
    ]);
  });

  it('requires messages to be a list', () => {
    expect(problems(parse({ model: 'glm-4.7', messages: 'hi' }))[0]).toMatchObject({ path: 'messages', line: 3 });
  });

  it('accepts an empty message list (a conversation not started yet)', () => {
    expect(ok(parse({ model: 'glm-4.7', messages: [] })).turns).toEqual([]);
  });

  it('marks a wrong role on the line of that role', () => {
    const text = '{\n  "model": "glm-4.7",\n  "messages": [\n    { "role": "robot", "content": "x" }\n  ]\n}';
    expect(problems(parseRequestJson(text))).toEqual([expect.objectContaining({ path: 'messages[0].role', line: 4 })]);
  });

  it('refuses content parts outside user messages', () => {
    const parts = [{ type: 'text', text: 'x' }];
    const messages = [...hello, { role: 'assistant', content: parts }];
    expect(problems(parse({ model: 'glm-4.7', messages }))[0]?.path).toBe('messages[1].content');
  });

  it('reads a user message of text and image parts as text and image URLs', () => {
    const content = [
      { type: 'text', text: 'What is this?' },
      { type: 'image_url', image_url: { url: 'https://example.com/cat.png' } },
    ];
    expect(ok(parse({ model: 'glm-4.6v', messages: [{ role: 'user', content }] })).turns).toEqual([
      { role: 'user', content: 'What is this?', imageUrls: ['https://example.com/cat.png'] },
    ]);
  });

  it('points at a content part it cannot read', () => {
    const content = [{ type: 'video', url: 'x' }];
    expect(problems(parse({ model: 'glm-4.6v', messages: [{ role: 'user', content }] }))[0]?.path).toBe(
      'messages[0].content[0]',
    );
  });

  it('allows a system message only first', () => {
    expect(
      problems(parse({ model: 'glm-4.7', messages: [...hello, { role: 'system', content: 'late' }] }))[0]?.message,
    ).toMatch(/Only the first message/);
  });

  it('reads a tool round back into the same body: tool calls, their reasoning and the tool results', () => {
    const body = {
      model: 'glm-4.7',
      messages: [
        ...hello,
        {
          role: 'assistant',
          content: '',
          reasoning_content: 'Need the order.',
          tool_calls: [{ id: 'call_a', type: 'function', function: { name: 'f', arguments: '{"a":1}' } }],
        },
        { role: 'tool', tool_call_id: 'call_a', content: '{}' },
      ],
      stream: true,
      thinking: { type: 'enabled' },
    };
    expect(rebuilt(body)).toEqual(body);
  });

  it('refuses a tool message without the id of the call it answers', () => {
    expect(problems(parse({ model: 'glm-4.7', messages: [{ role: 'tool', content: '{}' }] }))[0]?.path).toBe(
      'messages[0].tool_call_id',
    );
  });

  it('refuses tool calls on a message that is not the assistant’s', () => {
    const message = { role: 'user', content: 'x', tool_calls: [] };
    expect(problems(parse({ model: 'glm-4.7', messages: [message] }))[0]?.path).toBe('messages[0].tool_calls');
  });

  it('refuses unknown message fields instead of dropping them', () => {
    expect(problems(parse({ model: 'glm-4.7', messages: [{ role: 'user', content: 'x', name: 'me' }] }))[0]?.path).toBe(
      'messages[0].name',
    );
  });

  it('refuses an empty message, which the API rejects', () => {
    expect(problems(parse({ model: 'glm-4.7', messages: [{ role: 'user', content: '  ' }] }))[0]?.path).toBe(
      'messages[0].content',
    );
  });

  it('refuses reasoning_content without preserved thinking', () => {
    expect(
      problems(
        parse({ model: 'glm-4.7', messages: [{ role: 'assistant', content: 'a', reasoning_content: 'r' }, ...hello] }),
      )[0]?.message,
    ).toMatch(/clear_thinking to false/);
  });

  it('requires stream to be a boolean', () => {
    expect(problems(parse({ model: 'glm-4.7', messages: hello, stream: 'yes' }))[0]?.path).toBe('stream');
  });

  it('requires thinking.type enabled or disabled', () => {
    expect(problems(parse({ model: 'glm-4.7', messages: hello, thinking: { type: 'auto' } }))[0]?.path).toBe(
      'thinking.type',
    );
  });

  it('refuses thinking on a model without thinking', () => {
    expect(
      problems(parse({ model: 'glm-4-32b-0414-128k', messages: hello, thinking: { type: 'enabled' } }))[0]?.message,
    ).toMatch(/has no thinking mode/);
  });

  it('refuses preserved thinking on a model that does not support it', () => {
    expect(
      problems(parse({ model: 'glm-4.5', messages: hello, thinking: { type: 'enabled', clear_thinking: false } }))[0]
        ?.path,
    ).toBe('thinking.clear_thinking');
  });

  it('refuses temperature outside 0–1 or with more than two decimals', () => {
    expect(problems(parse({ model: 'glm-4.7', messages: hello, temperature: 1.5 }))[0]?.path).toBe('temperature');
    expect(problems(parse({ model: 'glm-4.7', messages: hello, temperature: 0.555 }))[0]?.message).toMatch(
      /two decimals/,
    );
  });

  it('refuses a string where a number belongs', () => {
    expect(problems(parse({ model: 'glm-4.7', messages: hello, top_p: '0.5' }))[0]).toMatchObject({
      path: 'top_p',
      message: expect.stringMatching(/must be a number/) as unknown,
    });
  });

  it('refuses max_tokens above the model limit or not whole', () => {
    expect(problems(parse({ model: 'glm-4.5', messages: hello, max_tokens: 200_000 }))[0]?.message).toMatch(
      /from 1 to 98304/,
    );
    expect(problems(parse({ model: 'glm-4.5', messages: hello, max_tokens: 10.5 }))[0]?.message).toMatch(
      /whole number/,
    );
  });

  it('reports a duplicated key, which JSON.parse would silently collapse', () => {
    expect(
      problems(parseRequestJson('{"model": "glm-4.7", "messages": [], "stop": ["a"], "stop": ["b"]}'))[0]?.path,
    ).toBe('stop');
  });

  it('refuses a __proto__ field', () => {
    expect(problems(parseRequestJson('{"model": "glm-4.7", "messages": [], "__proto__": {}}'))[0]?.path).toBe(
      '__proto__',
    );
  });

  it('reports every problem at once, not only the first', () => {
    expect(
      problems(parse({ model: '', messages: hello, stream: 1, temperature: 'x' })).map((problem) => problem.path),
    ).toEqual(['model', 'stream', 'temperature']);
  });

  it('maps an already parsed body with the same rules', () => {
    const result = requestFromBody({ model: 'glm-4.7', messages: hello, request_id: 'r' });
    expect(result.ok && result.extraFields).toEqual({ request_id: 'r' });
  });

  it('keeps a 200 KB message intact', () => {
    const content = 'x'.repeat(200_000);
    expect(ok(parse({ model: 'glm-4.7', messages: [{ role: 'user', content }] })).turns[0]).toEqual<ConversationTurn>({
      role: 'user',
      content,
    });
  });
});

describe('numbers that cannot be sent as written', () => {
  const withSeed = (seed: string) => `{"model":"glm-4.7","messages":[{"role":"user","content":"Hi"}],\n"seed":${seed}}`;
  const messages = (result: RequestJsonResult) => (result.ok ? [] : result.problems.map((problem) => problem.message));

  it('refuses a whole number beyond 2^53, naming the field, the value and what would be sent', () => {
    const result = parseRequestJson(withSeed('12345678901234567890'));
    expect(result.ok).toBe(false);
    expect(result.ok ? null : result.problems[0]).toMatchObject({ path: 'seed', line: 2, column: 8 });
    expect(messages(result)[0]).toBe(
      'seed is 12345678901234567890, which cannot be sent exactly as written: whole numbers beyond 2^53 lose digits: it would be sent as 12345678901234567000. Write it as a string if the server accepts one, or use a number that fits.',
    );
  });

  it('refuses numbers that overflow to Infinity and -0', () => {
    expect(messages(parseRequestJson(withSeed('1e400')))[0]).toContain('seed is 1e400');
    expect(messages(parseRequestJson(withSeed('1e400')))[0]).toContain('would be sent as null');
    expect(messages(parseRequestJson(withSeed('-0')))[0]).toContain('seed is -0, which cannot be sent exactly');
    expect(messages(parseRequestJson(withSeed('{"deep":[1,-0.0]}')))[0]).toContain('seed.deep[1] is -0.0');
  });

  it('accepts numbers that survive exactly, large ones included', () => {
    for (const seed of ['9007199254740993.5', '9007199254740992', '18014398509481984', '1e300', '0', '-1.5'])
      expect(parseRequestJson(withSeed(seed)).ok).toBe(true);
  });
});
