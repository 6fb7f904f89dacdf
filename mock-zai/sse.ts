// Server-sent events as the Z.ai API writes them: the framing of each event and the paced or byte-split delivery.
import type { ServerResponse } from 'node:http';

/** An event, built when it goes out (so `created` is the second it was sent). */
export type StreamEvent = () => string;

/** One step of the reply; the stream sends one chunk per delta. */
export interface Delta {
  reasoning?: string;
  content?: string;
  tool_calls?: unknown[];
  finish?: string;
  /** Top-level fields of this delta's chunk besides the choice (the web_search results on the first one). */
  extra?: Record<string, unknown>;
}

/** What every chunk of one stream repeats. */
export interface ChunkFraming {
  id: string;
  model: string;
  /** Chunks carry `"object":"chat.completion.chunk"` (newer models). */
  objectField: boolean;
  newline: string;
  /** The clock, in ms. */
  now: () => number;
}

export const streamContentType = 'text/event-stream;charset=UTF-8';

export function dataEvent(payload: unknown, newline: string): string {
  return `data: ${JSON.stringify(payload)}${newline}${newline}`;
}

/** The end of a complete stream. */
export function doneEvent(newline: string): string {
  return `data: [DONE]${newline}${newline}`;
}

export function commentEvent(text: string, newline: string): string {
  return `: ${text}${newline}${newline}`;
}

/** A chunk: id, (object), created, model, one choice, and `extra` fields such as usage. */
export function chunkEvent(framing: ChunkFraming, choice: Record<string, unknown>, extra = {}): string {
  const value: Record<string, unknown> = { id: framing.id };
  if (framing.objectField) value.object = 'chat.completion.chunk';
  value.created = Math.floor(framing.now() / 1000);
  value.model = framing.model;
  value.choices = [choice];
  return dataEvent({ ...value, ...extra }, framing.newline);
}

export function deltaEvent(framing: ChunkFraming, delta: Delta): string {
  const wire: Record<string, unknown> = { role: 'assistant' };
  if (delta.content !== undefined) wire.content = delta.content;
  if (delta.reasoning !== undefined) wire.reasoning_content = delta.reasoning;
  if (delta.tool_calls !== undefined) wire.tool_calls = delta.tool_calls;
  // A tool_calls delta carries its own finish_reason; the usage chunk repeats it.
  const choice = delta.finish ? { index: 0, finish_reason: delta.finish, delta: wire } : { index: 0, delta: wire };
  return chunkEvent(framing, choice, delta.extra);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Sends the stream's headers at once; returns whether the client has gone since. */
export function openStream(res: ServerResponse): () => boolean {
  res.statusCode = 200;
  res.setHeader('Content-Type', streamContentType);
  res.setHeader('Cache-Control', 'no-cache');
  res.setHeader('Connection', 'keep-alive');
  res.setHeader('X-Accel-Buffering', 'no');
  res.flushHeaders();
  let closed = false;
  res.on('close', () => {
    closed = true;
  });
  return () => closed;
}

/** Writes the events `delayMs` apart, by elapsed time, so high rates (1,000 events/s) survive timer granularity. */
export async function writePaced(
  res: ServerResponse,
  events: StreamEvent[],
  delayMs: number,
  closed: () => boolean,
): Promise<void> {
  const started = Date.now();
  let index = 0;
  while (index < events.length) {
    if (closed()) return;
    const due =
      delayMs <= 0 ? events.length : Math.min(events.length, Math.floor((Date.now() - started) / delayMs) + 1);
    let batch = '';
    for (; index < due; index += 1) batch += events[index]?.() ?? '';
    if (batch !== '') res.write(batch);
    if (index < events.length) await sleep(Math.max(1, started + index * delayMs - Date.now()));
  }
}

/** Writes the whole stream in `bytes`-byte pieces, also cutting inside the first multi-byte UTF-8 characters. */
export async function writeSplit(
  res: ServerResponse,
  events: StreamEvent[],
  split: { bytes: number; delayMs: number },
  closed: () => boolean,
): Promise<void> {
  const body = Buffer.from(events.map((event) => event()).join(''), 'utf8');
  const cuts = new Set<number>();
  for (let offset = split.bytes; offset < body.length; offset += split.bytes) cuts.add(offset);
  let splitCharacters = 0;
  for (let offset = 0; offset < body.length && splitCharacters < 3; offset += 1) {
    if (((body[offset] ?? 0) & 0xc0) === 0xc0) {
      cuts.add(offset + 1);
      splitCharacters += 1;
    }
  }
  const sorted = [...cuts].sort((a, b) => a - b);
  let start = 0;
  for (const cut of [...sorted, body.length]) {
    if (closed()) return;
    res.write(body.subarray(start, cut));
    start = cut;
    await (split.delayMs ? sleep(split.delayMs) : new Promise((resolve) => setImmediate(resolve)));
  }
}
