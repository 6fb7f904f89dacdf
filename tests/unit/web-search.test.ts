import { describe, expect, it } from 'vitest';
import type { StreamEvent } from '../../src/core/contracts';
import { ReplyReader } from '../../src/core/replyReader';
import { mergeWebSearchSources, webSearchSourcesFrom } from '../../src/core/webSearch';
import { applyDelta, newReplyInfo } from '../../src/store/replyInfo';
import { turnSchema } from '../../src/store/schema';

const paris = {
  title: 'Paris weather',
  content: 'Sunny, 21 °C.',
  link: 'https://weather.example/paris',
  media: 'Weather Example',
  icon: 'https://weather.example/icon.png',
  refer: 'ref_1',
  publish_date: '2026-01-01',
};
const lyon = { title: 'Lyon weather', link: 'https://weather.example/lyon' };

function chunk(extra: Record<string, unknown>, content = ''): string {
  return JSON.stringify({ id: 'c1', choices: [{ index: 0, delta: { role: 'assistant', content } }], ...extra });
}

function readStream(payloads: string[]): StreamEvent[] {
  const events: StreamEvent[] = [];
  const reader = new ReplyReader((event) => events.push(event), 'key');
  for (const data of payloads) reader.handleMessage({ data, event: undefined, id: undefined });
  return events.filter((event) => event.kind === 'web-search');
}

describe('webSearchSourcesFrom', () => {
  it('keeps the documented string fields', () => {
    expect(webSearchSourcesFrom([paris])).toEqual([
      {
        title: 'Paris weather',
        content: 'Sunny, 21 °C.',
        link: 'https://weather.example/paris',
        media: 'Weather Example',
        icon: 'https://weather.example/icon.png',
        refer: 'ref_1',
        publishDate: '2026-01-01',
      },
    ]);
  });

  it('drops junk: non-objects, non-string fields, entries with neither title nor link', () => {
    const sources = webSearchSourcesFrom([
      null,
      'text',
      7,
      [],
      { content: 'no title or link' },
      { title: 3, link: {} },
      { title: 'Kept', media: 5 },
    ]);
    expect(sources).toEqual([{ title: 'Kept' }]);
    expect(webSearchSourcesFrom({ title: 'not a list' })).toEqual([]);
  });

  it('keeps a result once per link, the first one seen', () => {
    const sources = webSearchSourcesFrom([paris, { ...paris, title: 'Again' }, lyon]);
    expect(sources.map((source) => source.title)).toEqual(['Paris weather', 'Lyon weather']);
  });

  it('merges later results after earlier ones without repeats', () => {
    const merged = mergeWebSearchSources(webSearchSourcesFrom([paris]), webSearchSourcesFrom([lyon, paris]));
    expect(merged.map((source) => source.link)).toEqual([paris.link, lyon.link]);
  });

  it('caps what is kept', () => {
    const many = Array.from({ length: 500 }, (_, index) => ({
      title: `Result ${index}`,
      link: `https://e.example/${index}`,
    }));
    expect(webSearchSourcesFrom(many)).toHaveLength(100);
  });
});

describe('the reply reader and web_search', () => {
  it('reads web_search from the first chunk', () => {
    expect(readStream([chunk({ web_search: [paris] }), chunk({}, 'Hi')])).toEqual([
      { kind: 'web-search', sources: webSearchSourcesFrom([paris]) },
    ]);
  });

  it('reads web_search from a later chunk, even the last one with finish_reason', () => {
    const last = JSON.stringify({
      id: 'c1',
      choices: [{ index: 0, finish_reason: 'stop', delta: { role: 'assistant', content: '' } }],
      web_search: [lyon],
    });
    const events = readStream([chunk({}, 'Hi'), chunk({ web_search: [paris] }), last]);
    expect(events.map((event) => (event.kind === 'web-search' ? event.sources[0]?.title : null))).toEqual([
      'Paris weather',
      'Lyon weather',
    ]);
  });

  it('emits nothing for a junk web_search', () => {
    expect(readStream([chunk({ web_search: 'oops' }), chunk({ web_search: [{ icon: 'x' }] })])).toEqual([]);
  });

  it('reads web_search from a whole (non-streamed) body', () => {
    const events: StreamEvent[] = [];
    const reader = new ReplyReader((event) => events.push(event), 'key');
    reader.handleBody(
      { id: 'r1', choices: [{ index: 0, message: { role: 'assistant', content: 'Hi' } }], web_search: [paris, lyon] },
      'message',
    );
    expect(events.find((event) => event.kind === 'web-search')).toEqual({
      kind: 'web-search',
      sources: webSearchSourcesFrom([paris, lyon]),
    });
  });
});

describe('web search results on the reply', () => {
  const request = { baseUrl: 'https://api.z.ai/api/paas/v4', body: { model: 'glm-4.7', messages: [] } };

  it('adds the sources a continued reply brings to the ones it had', () => {
    const holder = { content: 'Hi', reasoning: '', reply: newReplyInfo(request, 0) };
    const first = applyDelta(holder, {
      reasoning: '',
      content: '',
      reply: { metrics: holder.reply.metrics, webSearchSources: webSearchSourcesFrom([paris]) },
      warnings: [],
    });
    const continued = applyDelta(first, {
      reasoning: '',
      content: ' there',
      reply: { metrics: holder.reply.metrics, webSearchSources: webSearchSourcesFrom([lyon, paris]) },
      warnings: [],
    });
    expect(continued.reply.webSearchSources?.map((source) => source.title)).toEqual(['Paris weather', 'Lyon weather']);
  });

  it('keeps them when the reply is saved and restored', () => {
    const reply = {
      ...newReplyInfo(request, 0),
      status: 'complete' as const,
      webSearchSources: webSearchSourcesFrom([paris]),
    };
    const turn = { id: 't1', role: 'assistant', content: 'Hi', reasoning: '', excluded: false, reply };
    expect(turnSchema.parse(JSON.parse(JSON.stringify(turn))).reply?.webSearchSources).toEqual(reply.webSearchSources);
    const { webSearchSources: _sources, ...older } = reply;
    expect(turnSchema.parse({ ...turn, reply: older }).reply?.webSearchSources).toEqual([]);
  });
});
