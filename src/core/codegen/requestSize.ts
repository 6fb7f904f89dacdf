// How much text a request carries, measured without generating or serialising anything: the Code panel decides
// from it whether to generate code in a worker and whether to load the editor at all.
import type { ChatRequest } from '../request';

/** Message text above this many characters is exported in a worker and shown as plain text, without the editor. */
export const largeExportCharacters = 100 * 1024;

/** Characters of message text (and inline images) in a request body: a cheap measure of how long exporting takes. */
export function messageCharacters(body: ChatRequest['body']): number {
  let total = 0;
  for (const message of body.messages) {
    const { content } = message;
    if (typeof content === 'string') total += content.length;
    // An image sent inline is base64 text in the code as well.
    else for (const part of content) total += part.type === 'text' ? part.text.length : part.image_url.url.length;
    total += message.reasoning_content?.length ?? 0;
  }
  return total;
}

/** Whether exporting a request with this body, or writing its JSON, is big work (see largeExportCharacters). */
export function isLargeExport(body: ChatRequest['body']): boolean {
  return messageCharacters(body) > largeExportCharacters;
}
