// Thinking metrics from recorded streams: each fixture in tests/fixtures/sse/recorded/ notes when its bytes arrived
// (": recorded +N ms" comments, which SSE parsers ignore). The bytes go through the real streaming client, and each
// event is folded into the metrics at its recorded arrival time, as the store does with Date.now().
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { StreamEvent, Usage } from '../../src/core/contracts';
import { completeMetrics, recordEvent, startMetrics, type ReplyMetrics } from '../../src/core/metrics';
import { sendChatCompletion } from '../../src/core/streaming';
import {
  characterCount,
  reasoningDurationMs,
  reasoningTokenCount,
  thinkingFigures,
} from '../../src/core/thinkingMetrics';

interface RecordedChunk {
  atMs: number;
  bytes: Uint8Array;
}

/** Splits a recorded fixture at its "+N ms" marks: the bytes after each mark arrived at that time. */
function recordedChunks(name: string): RecordedChunk[] {
  const text = readFileSync(fileURLToPath(new URL(`../fixtures/sse/recorded/${name}`, import.meta.url)), 'utf8');
  const chunks: RecordedChunk[] = [];
  const mark = /^: recorded \+(\d+) ms$/gm;
  const marks = [...text.matchAll(mark)];
  marks.forEach((match, index) => {
    const start = match.index + match[0].length + 1;
    const end = marks[index + 1]?.index ?? text.length;
    chunks.push({ atMs: Number(match[1]), bytes: new TextEncoder().encode(text.slice(start, end)) });
  });
  return chunks;
}

const nextTask = () => new Promise<void>((resolve) => setImmediate(resolve));

interface Replay {
  metrics: ReplyMetrics;
  /** As the reply keeps it (ReplyInfo.usage). */
  usage: Usage | null;
  reasoning: string;
  content: string;
  finishReason: string | null;
}

/** Streams the fixture through sendChatCompletion; the virtual clock is the arrival time of the chunk being read. */
async function replay(name: string, model: string): Promise<Replay> {
  const chunks = recordedChunks(name);
  let clock = 0;
  let index = 0;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      // Let the previous chunk's events through the parser before the clock moves on.
      for (let turn = 0; turn < 5; turn += 1) await nextTask();
      const chunk = chunks[index];
      index += 1;
      if (!chunk) {
        controller.close();
        return;
      }
      clock = chunk.atMs;
      controller.enqueue(chunk.bytes);
    },
  });
  let metrics = startMetrics(0);
  let reasoning = '';
  let content = '';
  let finishReason: string | null = null;
  let usage: Usage | null = null;
  const onEvent = (event: StreamEvent) => {
    metrics = recordEvent(metrics, event, clock);
    if (event.kind === 'delta') {
      reasoning += event.reasoning;
      content += event.content;
    }
    if (event.kind === 'finish') finishReason = event.reason;
    if (event.kind === 'usage') usage = event.usage;
  };
  const outcome = await sendChatCompletion({
    url: 'https://api.z.ai/api/paas/v4/chat/completions',
    apiKey: 'sk-test',
    body: { model, messages: [{ role: 'user', content: 'Hi' }], stream: true, thinking: { type: 'enabled' } },
    fetch: () =>
      Promise.resolve(
        new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream;charset=UTF-8' } }),
      ),
    signal: new AbortController().signal,
    onEvent,
  });
  expect(outcome.status).toBe('complete');
  return { metrics: completeMetrics(metrics, clock), usage, reasoning, content, finishReason };
}

describe('thinking metrics: a reply that thinks, then answers (glm-4.7, usage with reasoning_tokens)', () => {
  it('times the first reasoning token, not the lone newline before it', async () => {
    const { metrics, usage, reasoning, content, finishReason } = await replay('thinking-then-answer.sse', 'glm-4.7');
    expect(thinkingFigures(metrics, usage, reasoning, content, finishReason).timeToFirstReasoningMs).toBe(430);
  });

  it('times the first answer token', async () => {
    const { metrics, usage, reasoning, content, finishReason } = await replay('thinking-then-answer.sse', 'glm-4.7');
    expect(thinkingFigures(metrics, usage, reasoning, content, finishReason).timeToFirstAnswerMs).toBe(2910);
  });

  it('measures the reasoning duration from the first to the last reasoning token', async () => {
    const { metrics, usage, reasoning, content, finishReason } = await replay('thinking-then-answer.sse', 'glm-4.7');
    expect(thinkingFigures(metrics, usage, reasoning, content, finishReason).reasoningDurationMs).toBe(2200);
  });

  it('counts reasoning and answer characters as code points', async () => {
    const { metrics, usage, reasoning, content, finishReason } = await replay('thinking-then-answer.sse', 'glm-4.7');
    const figures = thinkingFigures(metrics, usage, reasoning, content, finishReason);
    expect(figures.reasoningCharacters).toBe(78);
    expect(figures.answerCharacters).toBe(33);
  });

  it('takes reasoning and answer tokens from usage.completion_tokens_details.reasoning_tokens, not an estimate', async () => {
    const { metrics, usage, reasoning, content, finishReason } = await replay('thinking-then-answer.sse', 'glm-4.7');
    const figures = thinkingFigures(metrics, usage, reasoning, content, finishReason);
    expect({
      reasoning: figures.reasoningTokens,
      answer: figures.answerTokens,
      estimated: figures.tokensEstimated,
    }).toEqual({ reasoning: 41, answer: 23, estimated: false });
  });

  it('is not cut during reasoning', async () => {
    const { metrics, usage, reasoning, content, finishReason } = await replay('thinking-then-answer.sse', 'glm-4.7');
    expect(thinkingFigures(metrics, usage, reasoning, content, finishReason).cutDuringReasoning).toBe(false);
  });
});

describe('thinking metrics: finish_reason "length" while thinking (glm-4.5, usage without reasoning_tokens)', () => {
  it('says the reply was cut during reasoning', async () => {
    const { metrics, usage, reasoning, content, finishReason } = await replay('length-during-thinking.sse', 'glm-4.5');
    expect(finishReason).toBe('length');
    expect(thinkingFigures(metrics, usage, reasoning, content, finishReason).cutDuringReasoning).toBe(true);
  });

  it('has a reasoning duration and no first answer token', async () => {
    const { metrics, usage, reasoning, content, finishReason } = await replay('length-during-thinking.sse', 'glm-4.5');
    const figures = thinkingFigures(metrics, usage, reasoning, content, finishReason);
    expect(figures.timeToFirstReasoningMs).toBe(800);
    expect(figures.reasoningDurationMs).toBe(3100);
    expect(figures.timeToFirstAnswerMs).toBeNull();
  });

  it('counts every completion token as reasoning (exact, since there is no answer text)', async () => {
    const { metrics, usage, reasoning, content, finishReason } = await replay('length-during-thinking.sse', 'glm-4.5');
    const figures = thinkingFigures(metrics, usage, reasoning, content, finishReason);
    expect({
      reasoning: figures.reasoningTokens,
      answer: figures.answerTokens,
      estimated: figures.tokensEstimated,
    }).toEqual({ reasoning: 64, answer: 0, estimated: false });
    expect(reasoningTokenCount(usage, reasoning, content)).toEqual({ tokens: 64, estimated: false });
  });
});

describe('thinking metrics: a background tab that received the stream late, without usage', () => {
  it('trusts the server timestamps when the wall clock is off by more than their resolution', async () => {
    const { metrics } = await replay('background-tab.sse', 'glm-4.5');
    // Wall clock: 300 → 9000 ms (8.7 s); chunk timestamps: 1758888000 → 1758888006 (6 s).
    expect(metrics.lastReasoningAtMs).toBe(9000);
    expect(reasoningDurationMs(metrics)).toBe(6000);
  });

  it('estimates tokens from the text and marks them as estimates', async () => {
    const { metrics, usage, reasoning, content, finishReason } = await replay('background-tab.sse', 'glm-4.5');
    const figures = thinkingFigures(metrics, usage, reasoning, content, finishReason);
    // 42 and 32 Latin characters at four per token.
    expect({
      reasoning: figures.reasoningTokens,
      answer: figures.answerTokens,
      estimated: figures.tokensEstimated,
    }).toEqual({ reasoning: 11, answer: 8, estimated: true });
    expect(reasoningTokenCount(usage, reasoning, content)).toEqual({ tokens: 11, estimated: true });
  });
});

describe('thinking metrics: usage without reasoning_tokens on a reply with both parts', () => {
  it('estimates each part from its text, the same count as while it streamed', () => {
    let metrics = startMetrics(0);
    metrics = recordEvent(metrics, { kind: 'delta', reasoning: 'abcdefghabcdefgh', content: '', created: null }, 100);
    metrics = recordEvent(metrics, { kind: 'delta', reasoning: '', content: 'abcdefgh', created: null }, 200);
    const usage: Usage = { prompt_tokens: 5, completion_tokens: 30, total_tokens: 35 };
    const figures = thinkingFigures(metrics, usage, 'abcdefghabcdefgh', 'abcdefgh', 'stop');
    expect({
      reasoning: figures.reasoningTokens,
      answer: figures.answerTokens,
      estimated: figures.tokensEstimated,
    }).toEqual({ reasoning: 4, answer: 2, estimated: true });
    // The collapsed summary gives the same reasoning count as the metrics line, and as before usage arrived.
    expect(reasoningTokenCount(usage, 'abcdefghabcdefgh', 'abcdefgh')).toEqual({ tokens: 4, estimated: true });
    expect(reasoningTokenCount(null, 'abcdefghabcdefgh', '')).toEqual({ tokens: 4, estimated: true });
  });
});

describe('characterCount', () => {
  it('counts a character outside the Basic Multilingual Plane (an emoji) as one', () => {
    expect(characterCount('你好🙂')).toBe(3);
  });

  it('leaves out the white space around the text', () => {
    expect(characterCount('  two words \n')).toBe(9);
  });

  it('counts a lone surrogate as one character', () => {
    expect(characterCount('a\ud800b')).toBe(3);
  });
});
