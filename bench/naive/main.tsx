// The naive baseline for `npm run bench`: what most chat UIs do. The whole reply is one react-markdown + remark-gfm
// render, re-rendered on every delta (setState per delta; React batches the deltas that arrive in the same task),
// reasoning is one growing text node, and the panes scroll to the bottom after every render.
import { StrictMode, useEffect, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import Markdown from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { EventSourceParserStream } from 'eventsource-parser/stream';

const remarkPlugins = [remarkGfm];

interface Delta {
  content?: string;
  reasoning_content?: string;
}

function Composer({ onSend }: { onSend: (message: string) => void }) {
  const [draft, setDraft] = useState('');
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        onSend(draft);
      }}
    >
      <label htmlFor="message">Message</label>
      <textarea id="message" rows={4} value={draft} onChange={(event) => setDraft(event.target.value)} />
      <button type="submit">Send</button>
    </form>
  );
}

function App() {
  const [reasoning, setReasoning] = useState('');
  const [content, setContent] = useState('');
  const [status, setStatus] = useState('idle');
  const reasoningRef = useRef<HTMLDivElement>(null);
  const replyRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    for (const element of [reasoningRef.current, replyRef.current])
      if (element) element.scrollTop = element.scrollHeight;
  });

  async function send(message: string) {
    setReasoning('');
    setContent('');
    setStatus('streaming');
    const response = await fetch('/mock-zai/api/paas/v4/chat/completions', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: 'Bearer offline-demo' },
      body: JSON.stringify({
        model: 'glm-4.7',
        stream: true,
        thinking: { type: 'enabled' },
        messages: [{ role: 'user', content: message || 'hello' }],
      }),
    });
    if (!response.body) return;
    const reader = response.body
      .pipeThrough(new TextDecoderStream())
      .pipeThrough(new EventSourceParserStream())
      .getReader();
    for (;;) {
      const { done, value: event } = await reader.read();
      if (done || event.data === '[DONE]') break;
      const delta = (JSON.parse(event.data) as { choices?: { delta?: Delta }[] }).choices?.[0]?.delta;
      if (delta?.reasoning_content) {
        const piece = delta.reasoning_content;
        setReasoning((text) => text + piece);
      }
      if (delta?.content) {
        const piece = delta.content;
        setContent((text) => text + piece);
      }
    }
    setStatus('complete');
  }

  return (
    <div className="naive-layout">
      <Composer onSend={(message) => void send(message)} />
      <div className="naive-pane" ref={reasoningRef}>
        <h2>Reasoning</h2>
        <div className="naive-reasoning">{reasoning}</div>
      </div>
      <div className="naive-pane" ref={replyRef}>
        <h2>
          Reply <span className="naive-status">{status}</span>
        </h2>
        <div className="naive-reply">
          <Markdown remarkPlugins={remarkPlugins}>{content}</Markdown>
        </div>
      </div>
    </div>
  );
}

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
