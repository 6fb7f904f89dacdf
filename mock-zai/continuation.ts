// A continuation request: the conversation ends with the partial answer of an assistant turn ("Continue" after a
// stop, a dropped stream or max_tokens). The mock answers with the rest of its default reply and, as real models
// often do, opens by repeating the last words of the partial answer; no reasoning, the answer was under way.
import { defaultReply, messageText, type ReplyText, type WireMessage } from './content.ts';

/** Characters of the partial answer's end said again at the start of the continuation. */
const repeatedChars = 12;

/** True when the request asks to continue a partial answer (its last message is the assistant's). */
export function isContinuation(messages: readonly WireMessage[]): boolean {
  return messages.at(-1)?.role === 'assistant';
}

/** The rest of the default reply after `partial`, opening with its last words again. */
export function continuationReply(messages: WireMessage[], thinks: boolean): ReplyText {
  // A thinking stream opens with a lone newline of answer text, which comes back with the partial answer.
  const partial = messageText(messages.at(-1)?.content).trim();
  const whole = defaultReply(messages.slice(0, -1), thinks).content;
  if (!whole.startsWith(partial)) return { reasoning: '', content: '\n\n(The rest of the answer.)' };
  // From the start of a word near the end, so the repeat is whole words.
  const from = partial.lastIndexOf(' ', Math.max(0, partial.length - repeatedChars));
  return { reasoning: '', content: whole.slice(Math.max(0, from)) };
}
