// The floor for `npm run bench`: the least a page can do with the stream on its main thread. It reads the same
// stream as the app (fetch → TextDecoderStream → eventsource-parser), parses each event's JSON and appends the text
// once per animation frame as plain text. No Markdown, no framework: what is left is the cost of reading.
import { EventSourceParserStream } from 'eventsource-parser/stream';

const form = document.querySelector<HTMLFormElement>('#composer');
const message = document.querySelector<HTMLTextAreaElement>('#message');
const status = document.querySelector<HTMLParagraphElement>('#status');
const reasoningPane = document.querySelector<HTMLPreElement>('.floor-reasoning');
const replyPane = document.querySelector<HTMLPreElement>('.floor-reply');

let pendingReasoning = '';
let pendingContent = '';
let frameRequested = false;

function paint(): void {
  frameRequested = false;
  if (pendingReasoning && reasoningPane) reasoningPane.append(pendingReasoning);
  if (pendingContent && replyPane) replyPane.append(pendingContent);
  pendingReasoning = '';
  pendingContent = '';
}

function schedulePaint(): void {
  if (frameRequested) return;
  frameRequested = true;
  requestAnimationFrame(paint);
}

interface Chunk {
  choices?: { delta?: { content?: string; reasoning_content?: string } }[];
}

async function send(text: string): Promise<void> {
  if (status) status.textContent = 'streaming';
  const response = await fetch('/mock-zai/api/paas/v4/chat/completions', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: 'Bearer offline-demo' },
    body: JSON.stringify({
      model: 'glm-4.7',
      stream: true,
      thinking: { type: 'enabled' },
      messages: [{ role: 'user', content: text || 'hello' }],
    }),
  });
  if (!response.body) return;
  const reader = response.body
    .pipeThrough(new TextDecoderStream())
    .pipeThrough(new EventSourceParserStream())
    .getReader();
  for (;;) {
    const { value: event, done } = await reader.read();
    if (done || event.data === '[DONE]') break;
    const chunk = JSON.parse(event.data) as Chunk;
    const delta = chunk.choices?.[0]?.delta;
    pendingReasoning += delta?.reasoning_content ?? '';
    pendingContent += delta?.content ?? '';
    schedulePaint();
  }
  paint();
  if (status) status.textContent = 'done';
}

form?.addEventListener('submit', (event) => {
  event.preventDefault();
  void send(message?.value ?? '');
});
