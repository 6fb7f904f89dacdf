// Replies shaped by the request rather than by a fault: the answer to tool results (quoting them), the JSON-mode
// answer (a JSON object about the question, or a broken one), and the web search results a `web_search` tool
// with `search_result: true` returns.
import { messageText, type ReplyText, type WireMessage } from './content.ts';
import { directivePattern } from './directive.ts';
import { isRecord } from './http.ts';

/** The last user message without any `[mock:…]` directive. */
export function lastQuestion(messages: readonly WireMessage[]): string {
  const users = messages.filter((message) => message.role === 'user');
  return messageText(users[users.length - 1]?.content)
    .replace(directivePattern, '')
    .trim();
}

/** The `tool` messages that end the conversation (answers to the assistant's calls), oldest first. */
export function trailingToolResults(messages: readonly WireMessage[]): WireMessage[] {
  let start = messages.length;
  while (start > 0 && messages[start - 1]?.role === 'tool') start -= 1;
  return messages.slice(start);
}

/** The function name of the call a tool message answers, from the assistant message before it. */
function calledName(messages: readonly WireMessage[], callId: unknown): string {
  for (const message of [...messages].reverse()) {
    if (message.role !== 'assistant' || !Array.isArray(message.tool_calls)) continue;
    for (const call of message.tool_calls) {
      if (isRecord(call) && call.id === callId && isRecord(call.function) && typeof call.function.name === 'string')
        return call.function.name;
    }
  }
  return 'the tool';
}

/** The answer once the tools have run: each result quoted, under the function that produced it. */
export function toolResultsReply(messages: readonly WireMessage[], thinks: boolean): ReplyText {
  const results = trailingToolResults(messages);
  const quoted = results.map((result) => {
    const text = messageText(result.content) || '(empty result)';
    const lines = text.split(/\r?\n/).map((line) => `> ${line}`);
    return [
      `**${calledName(messages, result.tool_call_id)}** (\`${String(result.tool_call_id)}\`) returned:`,
      '',
      ...lines,
    ].join('\n');
  });
  const count = results.length;
  const content = [
    `Here is what the tool${count === 1 ? '' : 's'} returned (offline demo: the answer quotes the results):`,
    '',
    quoted.join('\n\n'),
    '',
    `That answers “${lastQuestion(messages) || 'your question'}” from ${count} tool result${count === 1 ? '' : 's'}.`,
  ].join('\n');
  const reasoning = thinks
    ? `The tool results are back (${count}). I will quote them and answer the question from them.`
    : '';
  return { content, reasoning };
}

/** JSON mode: an object about the question, pretty-printed; `broken` cuts it short (a trailing comma, no brace). */
export function jsonModeReply(messages: readonly WireMessage[], thinks: boolean, broken = false): ReplyText {
  const question = lastQuestion(messages);
  const answer = {
    question,
    answer: 'This is the offline demo: a JSON object, as response_format json_object asks.',
    turn: messages.filter((message) => message.role === 'user').length,
    words: question.split(/\s+/).filter(Boolean).length,
  };
  const text = JSON.stringify(answer, null, 2);
  return {
    content: broken ? text.replace(/\n\}$/, ',\n  "note": "cut off",') : text,
    reasoning: thinks ? 'The user wants JSON. I will answer with a single JSON object and nothing else.' : '',
  };
}

/** Whether the request asked for JSON mode. */
export function wantsJsonObject(body: Record<string, unknown>): boolean {
  return isRecord(body.response_format) && body.response_format.type === 'json_object';
}

/** The web search results the request asks to see: three example.com/example.org pages about the question. */
export function webSearchResults(body: Record<string, unknown>, question: string): Record<string, unknown>[] | null {
  const tools: unknown[] = Array.isArray(body.tools) ? body.tools : [];
  const search = tools.find((tool) => isRecord(tool) && tool.type === 'web_search' && isRecord(tool.web_search));
  const options = isRecord(search) && isRecord(search.web_search) ? search.web_search : null;
  if (!options || options.enable !== true || options.search_result !== true) return null;
  const topic =
    typeof options.search_query === 'string' && options.search_query !== '' ? options.search_query : question;
  const short = Array.from(topic).slice(0, 60).join('') || 'your question';
  const sites = [
    { media: 'Example News', link: 'https://example.com/news/offline-demo', kind: 'News' },
    { media: 'Example Encyclopedia', link: 'https://example.org/wiki/offline-demo', kind: 'Overview' },
    { media: 'Example Blog', link: 'https://blog.example.com/posts/offline-demo', kind: 'Notes' },
  ];
  return sites.map((site, index) => ({
    title: `${site.kind}: ${short}`,
    content: `A made-up search result about “${short}” from the offline demo; nothing was searched.`,
    link: site.link,
    media: site.media,
    icon: `${new URL(site.link).origin}/favicon.ico`,
    refer: `ref_${index + 1}`,
    publish_date: `2026-01-0${index + 1}`,
  }));
}
