// The mock speaks tools as docs/wire-format.md#tools describes: it calls the request's functions with arguments
// made from their schemas (streamed piece by piece with tool_stream, whole without), answers tool results in text,
// returns web search results, answers JSON mode with a JSON object, and plays the tool-call faults.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startMockServer } from '../../mock-zai/server';
import { readUntilEnd } from './readUntilEnd';

type MockServer = Awaited<ReturnType<typeof startMockServer>>;

const fixedNow = Date.UTC(2025, 8, 26, 11, 5, 40); // created = 1758884740
let mock: MockServer;

beforeAll(async () => {
  mock = await startMockServer({ chunkDelayMs: 0, now: () => fixedNow });
});
afterAll(async () => {
  await mock.close();
});
beforeEach(() => {
  mock.reset();
});

const weather = {
  type: 'function',
  function: {
    name: 'get_weather',
    description: 'Weather for a city',
    parameters: {
      type: 'object',
      properties: {
        city: { type: 'string' },
        unit: { type: 'string', enum: ['celsius', 'fahrenheit'] },
        days: { type: 'integer' },
        note: { type: 'string' },
      },
      required: ['city', 'unit', 'days'],
    },
  },
};
const noThinking = { type: 'disabled' };

function post(body: Record<string, unknown>) {
  return fetch(`${mock.baseUrl}/chat/completions`, {
    method: 'POST',
    headers: { Authorization: 'Bearer key', 'Content-Type': 'application/json' },
    body: JSON.stringify({ model: 'glm-4.7', ...body }),
  });
}

const ask = (content: string) => [{ role: 'user', content }];

interface StreamedCall {
  index: number;
  id?: string;
  type?: string;
  function: { name?: string; arguments?: string };
}
interface Chunk {
  choices: { finish_reason?: string; delta: { tool_calls?: StreamedCall[]; reasoning_content?: string } }[];
  web_search?: unknown[];
}

function chunks(text: string): Chunk[] {
  return text
    .split('\n\n')
    .filter((event) => event.startsWith('data: {'))
    .map((event) => JSON.parse(event.slice(6)) as Chunk);
}

/** The calls of a stream joined per index, as the docs' assembly rule says. */
function joinedCalls(text: string): { id: string; name: string; arguments: string }[] {
  const calls: { id: string; name: string; arguments: string }[] = [];
  for (const chunk of chunks(text)) {
    for (const piece of chunk.choices[0]?.delta.tool_calls ?? []) {
      const call = (calls[piece.index] ??= { id: '', name: '', arguments: '' });
      call.id ||= piece.id ?? '';
      call.name ||= piece.function.name ?? '';
      call.arguments += piece.function.arguments ?? '';
    }
  }
  return calls;
}

const head = '{"id":"202509261105409e3779b100000001","created":1758884740,"model":"glm-4.7","choices":[';

describe('tool calls', () => {
  it('with tool_stream: id, type and name with the first piece, then pieces (id on some), the last on the finish_reason chunk', async () => {
    const response = await post({
      stream: true,
      tool_stream: true,
      thinking: noThinking,
      tools: [weather],
      messages: ask('Weather in Oslo?'),
    });
    const call = (fields: string) =>
      `data: ${head}{"index":0,"delta":{"role":"assistant","tool_calls":[${fields}]}}]}\n\n`;
    expect(await response.text()).toBe(
      call(
        '{"index":0,"id":"call_b1000000010","type":"function","function":{"name":"get_weather","arguments":"{\\"city\\":"}}',
      ) +
        call('{"index":0,"function":{"arguments":"\\"Oslo\\""}}') +
        call('{"index":0,"id":"call_b1000000010","function":{"arguments":",\\"unit"}}') +
        call('{"index":0,"function":{"arguments":"\\":\\"cel"}}') +
        call('{"index":0,"id":"call_b1000000010","function":{"arguments":"sius\\","}}') +
        call('{"index":0,"function":{"arguments":"\\"days\\""}}') +
        `data: ${head}{"index":0,"finish_reason":"tool_calls","delta":{"role":"assistant","tool_calls":[{"index":0,"id":"call_b1000000010","function":{"arguments":":1}"}}]}}]}\n\n` +
        `data: ${head}{"index":0,"finish_reason":"tool_calls","delta":{"role":"assistant","content":""}}],"usage":{"prompt_tokens":8,"completion_tokens":7,"total_tokens":15,"prompt_tokens_details":{"cached_tokens":0}}}\n\n` +
        'data: [DONE]\n\n',
    );
  });

  it('fills required properties from the schema: a place from the message, the first enum value, 1 for numbers', async () => {
    const body = (await (await post({ tools: [weather], messages: ask('How warm is Lisbon today?') })).json()) as {
      choices: { finish_reason: string; message: { content: string; tool_calls: unknown[] } }[];
    };
    const choice = body.choices[0];
    expect(choice?.finish_reason).toBe('tool_calls');
    expect(choice?.message.content).toBe('');
    expect(choice?.message.tool_calls).toEqual([
      {
        id: 'call_b1000000010',
        type: 'function',
        function: { name: 'get_weather', arguments: '{"city":"Lisbon","unit":"celsius","days":1}' },
      },
    ]);
  });

  it('makes one call per place asked for, with reasoning between the calls when thinking', async () => {
    const text = await (
      await post({ stream: true, tool_stream: true, tools: [weather], messages: ask('Weather in Paris and New York?') })
    ).text();
    expect(joinedCalls(text).map((call) => JSON.parse(call.arguments) as unknown)).toEqual([
      { city: 'Paris', unit: 'celsius', days: 1 },
      { city: 'New York', unit: 'celsius', days: 1 },
    ]);
    const kinds = chunks(text).map((chunk) =>
      chunk.choices[0]?.delta.tool_calls ? `call ${chunk.choices[0].delta.tool_calls[0]?.index}` : 'other',
    );
    const between = kinds.slice(kinds.lastIndexOf('call 0') + 1, kinds.indexOf('call 1'));
    expect(between).toEqual(['other']);
    expect(text).toMatch(/"reasoning_content":"\\n\\nCall 1 is out\. Next, get_weather/);
  });

  it('without tool_stream sends every call whole in one delta, with finish_reason, after the reasoning', async () => {
    const text = await (
      await post({ stream: true, tools: [weather], messages: ask('Compare Rome and Madrid [mock:reply]') })
    ).text();
    const withCalls = chunks(text).filter((chunk) => chunk.choices[0]?.delta.tool_calls);
    expect(withCalls).toHaveLength(1);
    expect(withCalls[0]?.choices[0]?.finish_reason).toBe('tool_calls');
    const whole = withCalls[0]?.choices[0]?.delta.tool_calls ?? [];
    expect(whole.map((call) => [call.index, call.type, call.function.name])).toEqual([
      [0, 'function', 'get_weather'],
      [1, 'function', 'get_weather'],
    ]);
    expect(whole.map((call) => JSON.parse(call.function.arguments ?? '') as { city: string })).toMatchObject([
      { city: 'Rome' },
      { city: 'Madrid' },
    ]);
    expect(text.indexOf('reasoning_content')).toBeLessThan(text.indexOf('tool_calls'));
  });

  it('tolerates tool_stream without stream: one JSON reply with the calls', async () => {
    const response = await post({ tool_stream: true, tools: [weather], messages: ask('Weather in Oslo?') });
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.text()).toContain('"finish_reason":"tool_calls"');
  });

  it('the tool-calls scenario makes `calls` calls whatever the message', async () => {
    mock.queue({ name: 'tool-calls', calls: 3 });
    const text = await (await post({ stream: true, tool_stream: true, tools: [weather], messages: ask('hi') })).text();
    expect(joinedCalls(text).map((call) => call.name)).toEqual(['get_weather', 'get_weather', 'get_weather']);
    expect(new Set(joinedCalls(text).map((call) => call.id)).size).toBe(3);
  });
});

const calledOnce = {
  role: 'assistant',
  content: '',
  tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Oslo"}' } }],
};

describe('tool results', () => {
  it('are answered in text that quotes them', async () => {
    const body = (await (
      await post({
        tools: [weather],
        thinking: noThinking,
        messages: [
          ...ask('Weather in Oslo?'),
          calledOnce,
          { role: 'tool', tool_call_id: 'call_1', content: '{"sky":"clear"}' },
        ],
      })
    ).json()) as { choices: { finish_reason: string; message: { content: string } }[] };
    expect(body.choices[0]?.finish_reason).toBe('stop');
    expect(body.choices[0]?.message.content).toContain('**get_weather** (`call_1`) returned:\n\n> {"sky":"clear"}');
  });

  it.each([
    [{ role: 'tool', content: 'x' }, 'messages[2].tool_call_id: must not be empty.'],
    [{ role: 'tool', tool_call_id: 'call_9', content: 'x' }, 'does not match a tool call'],
  ])('reject a tool message without a matching tool_call_id with 400 and code 1214', async (tool, message) => {
    const response = await post({ tools: [weather], messages: [...ask('Weather in Oslo?'), calledOnce, tool] });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('1214');
    expect(body.error.message).toContain(message);
  });
});

describe('web search and JSON mode', () => {
  const search = {
    type: 'web_search',
    web_search: { enable: true, search_engine: 'search_pro_jina', search_result: true },
  };

  it('returns a web_search array in the first streamed chunk and in the non-streamed body', async () => {
    const streamed = chunks(await (await post({ stream: true, tools: [search], messages: ask('Tides') })).text());
    expect(streamed[0]?.web_search).toHaveLength(3);
    expect(streamed.slice(1).some((chunk) => chunk.web_search)).toBe(false);
    const body = (await (await post({ tools: [search], messages: ask('Tides') })).json()) as {
      web_search: Record<string, unknown>[];
    };
    expect(Object.keys(body.web_search[0] ?? {})).toEqual([
      'title',
      'content',
      'link',
      'media',
      'icon',
      'refer',
      'publish_date',
    ]);
    expect(body.web_search.map((result) => new URL(String(result.link)).hostname)).toEqual([
      'example.com',
      'example.org',
      'blog.example.com',
    ]);
  });

  it('sends no results unless search_result is true', async () => {
    const quiet = { type: 'web_search', web_search: { enable: true, search_engine: 'search_pro_jina' } };
    expect(await (await post({ tools: [quiet], messages: ask('Tides') })).text()).not.toContain('web_search');
  });

  it('answers json_object with a JSON object about the question; json-invalid with broken JSON', async () => {
    const content = async () => {
      const body = (await (
        await post({ response_format: { type: 'json_object' }, messages: ask('List two colours') })
      ).json()) as { choices: { message: { content: string } }[] };
      return body.choices[0]?.message.content ?? '';
    };
    expect(JSON.parse(await content())).toMatchObject({ question: 'List two colours', turn: 1 });
    mock.queue({ name: 'json-invalid' });
    const broken = await content();
    expect(broken.startsWith('{')).toBe(true);
    expect(() => JSON.parse(broken) as unknown).toThrow(SyntaxError);
  });
});

describe('tool-call faults', () => {
  it('tool-call-cut with tool_stream drops the connection after two argument pieces', async () => {
    mock.queue({ name: 'tool-call-cut' });
    const response = await post({
      stream: true,
      tool_stream: true,
      thinking: noThinking,
      tools: [weather],
      messages: ask('Oslo'),
    });
    const { text, dropped } = await readUntilEnd(response);
    expect(dropped).toBe(true);
    expect(joinedCalls(text)[0]?.arguments).toBe('{"city":"Oslo"');
    expect(text).not.toContain('finish_reason');
  });

  it('tool-call-cut without tool_stream drops inside the tool-call event; non-streaming drops before any byte', async () => {
    mock.queue({ name: 'tool-call-cut', times: 2 });
    const response = await post({ stream: true, thinking: noThinking, tools: [weather], messages: ask('Oslo') });
    const { text, dropped } = await readUntilEnd(response);
    expect(dropped).toBe(true);
    expect(text).toMatch(/"arguments":"\{(?:\\"|[^"])*$/);
    await expect(post({ tools: [weather], messages: ask('Oslo') })).rejects.toThrow();
  });

  it('tool-call-malformed sends arguments that are not JSON; tool-call-schema-violation valid JSON of the wrong types', async () => {
    const argumentsOf = async () => {
      const text = await (
        await post({ stream: true, tool_stream: true, tools: [weather], messages: ask('Oslo') })
      ).text();
      expect(text.endsWith('data: [DONE]\n\n')).toBe(true);
      return joinedCalls(text)[0]?.arguments ?? '';
    };
    mock.queue({ name: 'tool-call-malformed' });
    const malformed = await argumentsOf();
    expect(() => JSON.parse(malformed) as unknown).toThrow(SyntaxError);
    mock.queue({ name: 'tool-call-schema-violation' });
    expect(JSON.parse(await argumentsOf())).toEqual({ city: 42, unit: 42, days: 'not a number' });
  });
});
