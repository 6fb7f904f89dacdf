// User messages to vision models carry content parts instead of a string (docs/wire-format.md#vision): a text
// part, then one image_url part per image. Text-only messages stay strings.
import { isRecord } from './json';
import { childPath } from './jsonPaths';

export type ContentPart = { type: 'text'; text: string } | { type: 'image_url'; image_url: { url: string } };

/** A message's text: the string, or its text parts joined. */
export function messageText(content: string | readonly ContentPart[]): string {
  if (typeof content === 'string') return content;
  return content
    .map((part) => (part.type === 'text' ? part.text : ''))
    .filter((text) => text !== '')
    .join('\n');
}

/** The image URLs among a message's content parts. */
export function messageImageUrls(content: string | readonly ContentPart[]): string[] {
  if (typeof content === 'string') return [];
  return content.flatMap((part) => (part.type === 'image_url' ? [part.image_url.url] : []));
}

/** A user message's content: the text alone, or a text part then one image_url part per image. */
export function messageContent(text: string, imageUrls: readonly string[] = []): string | ContentPart[] {
  if (imageUrls.length === 0) return text;
  const parts: ContentPart[] = text.trim() === '' ? [] : [{ type: 'text', text }];
  for (const url of imageUrls) parts.push({ type: 'image_url', image_url: { url } });
  return parts;
}

/**
 * A message's text and image URLs as the JSON tab reads them: a string, or (user messages only) text and
 * image_url parts. Problems go to `problem`; null when the content cannot be read.
 */
export function parseMessageContent(
  value: unknown,
  role: unknown,
  path: string,
  problem: (path: string, message: string) => void,
): { content: string; imageUrls: string[] } | null {
  if (typeof value === 'string') return { content: value, imageUrls: [] };
  if (!Array.isArray(value) || role !== 'user') {
    problem(path, `${path} must be a string${role === 'user' ? ' or a list of text and image_url parts' : ''}.`);
    return null;
  }
  const texts: string[] = [];
  const imageUrls: string[] = [];
  value.forEach((part: unknown, index) => {
    const url = isRecord(part) && isRecord(part.image_url) ? part.image_url.url : undefined;
    if (isRecord(part) && part.type === 'text' && typeof part.text === 'string') texts.push(part.text);
    else if (isRecord(part) && part.type === 'image_url' && typeof url === 'string') imageUrls.push(url);
    else
      problem(
        childPath(path, index),
        `${childPath(path, index)} must be {"type": "text", "text": …} or {"type": "image_url", "image_url": {"url": …}}.`,
      );
  });
  return { content: texts.join('\n'), imageUrls };
}
