// What a user message holds when long pasted texts were attached to it instead of typed into the Message box
// (docs/wire-format.md#attached-texts): one function builds it, for Send, the request preview, code export and the
// transcript alike, so what is shown is what is sent.
import { sizeLabel } from './jsonLimits';
import { formatInteger } from './numberFormat';

/** A long text pasted into the Message box, kept beside the box as an attachment (it is sent as message text). */
export interface AttachedText {
  id: string;
  text: string;
}

/** Between the parts of a message: a blank line. */
export const attachedTextSeparator = '\n\n';

/** A paste this long (characters) or longer becomes an attachment: a textarea holding it makes typing slow. */
export const attachedTextMinCharacters = 100 * 1024;
/** A paste of this many lines or more becomes an attachment as well, however short its lines. */
export const attachedTextMinLines = 2000;

/**
 * The content of the message sent: each attached text exactly as pasted, in order, then the typed text, joined by
 * a blank line. Typed text that is only white space is left out when there are attached texts; without attached
 * texts the typed text is the message, exactly as typed.
 */
export function messageContent(typed: string, attached: readonly AttachedText[] = []): string {
  if (attached.length === 0) return typed;
  // Joined with + rather than join(): the engine links the parts instead of copying megabytes on every keystroke.
  let content = '';
  for (const [index, item] of attached.entries())
    content = index === 0 ? item.text : content + attachedTextSeparator + item.text;
  return typed.trim() === '' ? content : content + attachedTextSeparator + typed;
}

/** Whether there is anything to send: typed text that is not only white space, or an attached text. */
export function hasMessageText(typed: string, attached: readonly AttachedText[] = []): boolean {
  return attached.length > 0 || /\S/.test(typed);
}

/** Lines in a text: a last line without a newline counts, a trailing newline does not start another. */
export function lineCount(text: string): number {
  if (text === '') return 0;
  let count = 1;
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) count++;
  return text.endsWith('\n') ? count - 1 : count;
}

/** Whether a paste is long enough to attach rather than put into the box. */
export function isLongPaste(text: string): boolean {
  if (text.length >= attachedTextMinCharacters) return true;
  let lines = 0;
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1))
    if (++lines >= attachedTextMinLines) return true;
  return false;
}

// Counting the lines of megabytes on every render would be wasted: an attached text never changes.
const summaries = new WeakMap<AttachedText, string>();

/** "4.0 MB · 61,234 lines": the size and lines of an attached text, as its chip and viewer state them. */
export function attachedTextSummary(item: AttachedText): string {
  let summary = summaries.get(item);
  if (summary === undefined) {
    const lines = lineCount(item.text);
    summary = `${sizeLabel(item.text.length)} · ${formatInteger(lines)} ${lines === 1 ? 'line' : 'lines'}`;
    summaries.set(item, summary);
  }
  return summary;
}
