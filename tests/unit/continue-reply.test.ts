// "Continue" appends to a partial answer: a repeat of the partial's end is dropped, each attempt keeps its own
// measurements, and the offline demo answers the continuation with the rest of its reply instead of the fault again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { continuationText } from '../../src/core/continuation';
import { startMetrics } from '../../src/core/metrics';
import { defaultReply } from '../../mock-zai/content';
import { startMockServer } from '../../mock-zai/server';
import { continuedReplyInfo, wholeReplyUsage } from '../../src/store/continuedReply';
import { newReplyInfo } from '../../src/store/replyInfo';
import type { ReplyInfo } from '../../src/store/types';

describe('overlap removal', () => {
  const partial = '## Plan\n\nFirst, boil the water. Then add';

  it('keeps a continuation that does not repeat anything', () => {
    expect(continuationText(partial, ' the pasta.', true)).toBe(' the pasta.');
  });

  it('drops a repeat of the last words', () => {
    expect(continuationText(partial, 'water. Then add the pasta.', true)).toBe(' the pasta.');
  });

  it('drops a repeat of the whole partial answer, heading included', () => {
    expect(continuationText(partial, `${partial} the pasta.`, true)).toBe(' the pasta.');
  });

  it('drops a repeat set on a new line', () => {
    expect(continuationText(partial, '\n\nThen add the pasta.', true)).toBe(' the pasta.');
  });

  it('keeps a short coincidence: three characters are not a repeat', () => {
    expect(continuationText('It is 4 and', 'and more', true)).toBe('and more');
  });

  it('holds back what could still be a repeat while streaming, and shows it once it is not', () => {
    expect(continuationText(partial, '## Plan\n\nFirst', false)).toBe('');
    expect(continuationText(partial, 'Totally new', false)).toBe('Totally new');
    // At the end of the stream a text found inside the partial answer but not at its end is new text.
    expect(continuationText(partial, 'First, boil', true)).toBe('First, boil');
  });
});

describe('continued reply info', () => {
  const request = { baseUrl: 'https://api.z.ai/api/paas/v4', body: { model: 'glm-4.7', messages: [] } };
  const usage = (completion: number, reasoning: number) => ({
    prompt_tokens: 10,
    completion_tokens: completion,
    total_tokens: 10 + completion,
    completion_tokens_details: { reasoning_tokens: reasoning },
  });
  const first: ReplyInfo = {
    ...newReplyInfo(request, 0),
    status: 'complete',
    finishReason: 'length',
    usage: usage(100, 40),
    warnings: [
      'The reply was cut off at the Max tokens limit — raise Max tokens to get the rest.',
      'Skipped one event.',
    ],
  };

  it('keeps the attempt so far as an earlier part, with fresh metrics for the new one and its finish note gone', () => {
    const next = continuedReplyInfo(first, request);
    expect(next.earlierParts).toEqual([
      { status: 'complete', finishReason: 'length', usage: first.usage, metrics: first.metrics },
    ]);
    expect(next.status).toBe('waiting');
    expect(next.usage).toBeNull();
    expect(next.finishReason).toBeNull();
    expect(next.warnings).toEqual(['Skipped one event.']);
  });

  it('counts every attempt’s output once; the prompt is the latest request’s', () => {
    const second: ReplyInfo = {
      ...continuedReplyInfo(first, request),
      usage: { ...usage(30, 0), prompt_tokens: 120, total_tokens: 150 },
    };
    expect(wholeReplyUsage(second)).toMatchObject({
      prompt_tokens: 120,
      completion_tokens: 130,
      total_tokens: 250,
      completion_tokens_details: { reasoning_tokens: 40 },
    });
    // An attempt without usage: no exact total, the text estimate is used instead.
    expect(wholeReplyUsage({ ...second, earlierParts: [{ ...first, usage: null, metrics: startMetrics(0) }] })).toBe(
      null,
    );
  });
});

describe('the offline demo and continuations', () => {
  let mock: Awaited<ReturnType<typeof startMockServer>>;
  beforeAll(async () => {
    mock = await startMockServer({ chunkDelayMs: 0, keyPrefix: 'test-' });
  });
  afterAll(async () => {
    await mock.close();
  });

  async function reply(messages: { role: string; content: string }[]) {
    const response = await fetch(`${mock.baseUrl}/chat/completions`, {
      method: 'POST',
      headers: { Authorization: 'Bearer test-key', 'Content-Type': 'application/json' },
      body: JSON.stringify({ model: 'glm-4.7', stream: false, messages }),
    });
    return {
      status: response.status,
      body: (await response.json()) as { choices: { message: { content: string } }[] },
    };
  }

  const question = { role: 'user', content: 'Cook pasta [mock:error-500]' };

  it('a directive in the message plays its fault on the first request', async () => {
    expect((await reply([question])).status).toBe(500);
  });

  it('a continuation ignores the directive and answers with the rest, repeating the last words', async () => {
    const whole = defaultReply([question], true).content;
    const partial = whole.slice(0, 120);
    const { status, body } = await reply([question, { role: 'assistant', content: `\n${partial}` }]);
    expect(status).toBe(200);
    const continuation = body.choices[0]?.message.content ?? '';
    expect(continuation).not.toBe(whole);
    expect(partial.slice(-20)).toContain(continuation.slice(0, 8));
    expect(partial + continuationText(partial, continuation, true)).toBe(whole);
  });
});
