// The demo's reply text: the deterministic default reply, long Markdown and reasoning for benchmarks, and the split
// into token-like pieces that the stream sends one per event.
import { directivePattern } from './directive.ts';

/** A chat message as it arrives on the wire (only the fields the mock reads). */
export interface WireMessage {
  role: string;
  content?: unknown;
  reasoning_content?: string;
  tool_calls?: unknown;
  tool_call_id?: unknown;
}

export interface ReplyText {
  reasoning: string;
  content: string;
}

/** The text of a message's content: a string, or the text parts of a multimodal array. */
export function messageText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) {
    return content
      .map((part: unknown) =>
        part && typeof part === 'object' && 'text' in part && typeof part.text === 'string' ? part.text : '',
      )
      .join('');
  }
  return '';
}

function truncate(text: string, max: number): string {
  const characters = Array.from(text);
  return characters.length <= max ? text : characters.slice(0, max - 1).join('') + '…';
}

/** The deterministic default reply: it quotes the last user message, and shows a heading, a list and a code block. */
export function defaultReply(messages: WireMessage[], withReasoning: boolean): ReplyText {
  const userMessages = messages.filter((message) => message.role === 'user');
  const lastUser = messageText(userMessages[userMessages.length - 1]?.content)
    .replace(directivePattern, '')
    .trim();
  const question = lastUser === '' ? '(an empty message)' : lastUser;
  const firstLine = truncate(question.split(/\r?\n/)[0] ?? question, 60);
  const turn = userMessages.length;
  const system = messages.find((message) => message.role === 'system');
  const quoted = truncate(question, 400)
    .split(/\r?\n/)
    .map((line) => `> ${line}`)
    .join('\n');
  const words = question.split(/\s+/).filter(Boolean).length;
  const literal = JSON.stringify(truncate(question, 80)).replace(/`/g, "'");

  const reasoning = withReasoning
    ? [
        `The user is asking: “${truncate(question, 200)}”. Let me work out what they actually want before answering.`,
        turn > 1
          ? `This is turn ${turn} of the conversation, so I should keep the earlier messages in mind.`
          : 'This is the first message of the conversation, so there is no earlier context to consider.',
        system
          ? 'There is a system prompt, and I should follow its instructions.'
          : 'There is no system prompt, so a friendly, neutral tone fits.',
        `The message has ${words} word${words === 1 ? '' : 's'}. A good answer restates the question, then gives a short structured reply: a heading, a few list items and a small code example.`,
        'Okay, I have a plan — let me write the answer.',
      ].join('\n\n')
    : '';

  const content = [
    `## About “${firstLine}”`,
    '',
    `This is the **offline demo** server answering turn ${turn}; no model was called and nothing left your machine. You wrote:`,
    '',
    quoted,
    '',
    'What a real GLM reply would look like here:',
    '',
    `1. ${withReasoning ? 'The reasoning streamed first, in its own pane.' : 'There was no reasoning: thinking is off or the model does not think.'}`,
    '2. The answer streams as Markdown — a heading, this list, `inline code` and the code block below.',
    '3. The last chunk carries `finish_reason` and token `usage`.',
    '',
    '```python',
    `question = ${literal}`,
    `print(len(question.split()))  # ${words}`,
    '```',
    '',
    'Tip: put `[mock:error-429]`, `[mock:slow]` or `[mock:cut-mid-answer]` in a message to see how faults look.',
  ].join('\n');
  return { reasoning, content };
}

/** Deterministic pseudo-random numbers (mulberry32), so long replies are identical run to run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

const vocabulary =
  'stream token model reply reasoning latency render block markdown parser buffer chunk server client request response thinking budget window context cache frame paint layout commit store selector memo delta event socket proxy header'.split(
    ' ',
  );

function sentence(next: () => number, count: number): string {
  const words = Array.from({ length: count }, () => vocabulary[Math.floor(next() * vocabulary.length)] ?? 'token');
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1) + '.';
}

/** `chars` characters of varied Markdown (headings, paragraphs, lists, tables, code blocks), for benchmarks. */
export function longMarkdown(chars: number, seed = 1): string {
  const next = random(seed);
  const blocks: string[] = [];
  let length = 0;
  let section = 1;
  while (length < chars) {
    const kind = blocks.length % 6;
    let block;
    if (kind === 0) block = `## Section ${section++}: ${sentence(next, 4).slice(0, -1)}`;
    else if (kind === 1 || kind === 4)
      block = Array.from({ length: 4 }, () => sentence(next, 8 + Math.floor(next() * 10))).join(' ');
    else if (kind === 2)
      block = Array.from(
        { length: 4 },
        (_, index) => `${index % 2 ? '-' : '*'} **${sentence(next, 2).slice(0, -1)}**: ${sentence(next, 7)}`,
      ).join('\n');
    else if (kind === 3)
      block = [
        '| Metric | Value | Note |',
        '| --- | ---: | --- |',
        ...Array.from(
          { length: 4 },
          () =>
            `| ${sentence(next, 1).slice(0, -1)} | ${Math.floor(next() * 1000)} | ${sentence(next, 3).slice(0, -1)} |`,
        ),
      ].join('\n');
    else
      block = [
        '```ts',
        `function step${section}(input: number): number {`,
        `  // ${sentence(next, 5)}`,
        `  return input * ${Math.floor(next() * 90) + 2};`,
        '}',
        '```',
      ].join('\n');
    blocks.push(block);
    length += block.length + 2;
  }
  return blocks.join('\n\n').slice(0, chars);
}

/**
 * An answer that cites its sources as models often do: footnote references and reference-style links in the text,
 * every definition at the very end, so a renderer that formats block by block has to apply them across blocks.
 */
export function citedReply(withReasoning: boolean): ReplyText {
  const content = [
    '## Sources for the answer',
    '',
    'GLM-4.6 reads up to 200K tokens of context[^window], and thinking can be switched off per request[^thinking].',
    '',
    '- The [chat completion reference][reference] lists every parameter.',
    '- The [pricing page][pricing] compares the models.',
    '',
    '> The context window[^window] is shared by the prompt and the reply.',
    '',
    '[reference]: https://docs.z.ai/api-reference/llm/chat-completion',
    '[pricing]: https://docs.z.ai/guides/overview/pricing "Models and prices"',
    '',
    '[^window]: Prompt and reply tokens together.',
    '[^thinking]: With `"thinking": {"type": "disabled"}` in the body.',
  ].join('\n');
  const reasoning = withReasoning ? 'The user wants sources. I will cite them as footnotes and reference links.' : '';
  return { content, reasoning };
}

/** `chars` characters of plain reasoning paragraphs, for benchmarks. */
export function longReasoning(chars: number, seed = 2): string {
  const next = random(seed);
  const paragraphs: string[] = [];
  let length = 0;
  while (length < chars) {
    const paragraph = Array.from({ length: 5 }, () => sentence(next, 6 + Math.floor(next() * 12))).join(' ');
    paragraphs.push(paragraph);
    length += paragraph.length + 2;
  }
  return paragraphs.join('\n\n').slice(0, chars);
}

/** Splits text into token-like pieces: a word with its leading whitespace ("Hello", " world", "\n\n##"). */
export function tokenize(text: string): string[] {
  return text.match(/\s*\S+|\s+/g) ?? [];
}

/** A rough token count for `usage` (about four characters per token). */
export function estimateTokens(text: string): number {
  return Math.max(1, Math.ceil(text.length / 4));
}
