// Images sent as base64 data URLs (content parts {type: "image_url", image_url: {url: "data:…;base64,…"}}).
// Exported code reads each one from a file whose path the reader sets at the top, instead of inlining megabytes
// of base64; encoding the same bytes gives back the same data URL, so the body is unchanged.
import type { ChatRequestBody } from '../request';
import { CodeExpression } from './quoting';

export interface ExportedImage {
  /** The data URL the app sends. */
  dataUrl: string;
  mimeType: string;
  /** The variable holding the file path: IMAGE_PATH, or IMAGE_PATH_1, IMAGE_PATH_2… for several images. */
  variable: string;
  /** The default path written into the code (the reader replaces it). */
  defaultPath: string;
  /** Number of the first message (1-based) that carries the image, for the comment. */
  messageNumber: number;
}

const base64DataUrl = /^data:([A-Za-z0-9.+-]+\/[A-Za-z0-9.+-]+);base64,[A-Za-z0-9+/]*={0,2}$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The image_url object of a content part that carries a base64 data URL, or null. */
function dataUrlHolder(part: unknown): Record<string, unknown> | null {
  if (!isRecord(part) || part.type !== 'image_url' || !isRecord(part.image_url)) return null;
  const url = part.image_url.url;
  return typeof url === 'string' && base64DataUrl.test(url) ? part.image_url : null;
}

function fileExtension(mimeType: string): string {
  const subtype = mimeType.split('/')[1] ?? 'bin';
  return subtype === 'jpeg' ? 'jpg' : subtype.replace(/[^a-z0-9]/gi, '') || 'bin';
}

/** Every distinct base64 image in the messages, in order of appearance. */
export function exportedImages(body: ChatRequestBody): ExportedImage[] {
  const found = new Map<string, { mimeType: string; messageNumber: number }>();
  body.messages.forEach((message, index) => {
    const content: unknown = message.content;
    if (!Array.isArray(content)) return;
    for (const part of content) {
      const url = dataUrlHolder(part)?.url;
      if (typeof url !== 'string' || found.has(url)) continue;
      found.set(url, { mimeType: /^data:([^;]+)/.exec(url)?.[1] ?? 'image/png', messageNumber: index + 1 });
    }
  });
  const several = found.size > 1;
  return [...found].map(([dataUrl, { mimeType, messageNumber }], index) => ({
    dataUrl,
    mimeType,
    messageNumber,
    variable: several ? `IMAGE_PATH_${index + 1}` : 'IMAGE_PATH',
    defaultPath: `${several ? `image-${index + 1}` : 'image'}.${fileExtension(mimeType)}`,
  }));
}

/** A copy of the body where each image URL is `expression(image)` instead of the data URL. */
export function bodyWithImageExpressions(
  body: ChatRequestBody,
  images: readonly ExportedImage[],
  expression: (image: ExportedImage) => string,
): ChatRequestBody {
  const copy = structuredClone(body);
  if (images.length === 0) return copy;
  for (const message of copy.messages) {
    const content: unknown = message.content;
    if (!Array.isArray(content)) continue;
    for (const part of content) {
      const holder = dataUrlHolder(part);
      const image = images.find((candidate) => candidate.dataUrl === holder?.url);
      if (holder && image) holder.url = new CodeExpression(expression(image));
    }
  }
  return copy;
}

/** The comment line above an image path variable. */
export function imagePathComment(image: ExportedImage): string {
  return `The image in message ${image.messageNumber} (${image.mimeType}): set this to the file's path; it is sent base64-encoded as a data: URL.`;
}
