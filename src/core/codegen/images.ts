// Images sent as base64 (content parts {type: "image_url", image_url: {url: …}}): a data URL, or the bare base64
// the app sends to Z.ai (docs/wire-format.md#vision). Exported code reads each one from a file whose path the
// reader sets at the top, instead of inlining megabytes of base64; encoding the same bytes in the same form gives
// back the same URL, so the body is unchanged.
import type { ChatRequestBody } from '../request';
import { CodeExpression } from './quoting';

export interface ExportedImage {
  /** The image_url.url exactly as the app sends it. */
  sentUrl: string;
  /** The same bytes as a data URL. */
  dataUrl: string;
  /** Sent as bare base64 (no "data:…;base64," prefix). */
  bare: boolean;
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

const bareBase64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** The image_url object of a content part that carries base64 image bytes (data URL or bare), or null. */
function inlineImageHolder(part: unknown): Record<string, unknown> | null {
  if (!isRecord(part) || part.type !== 'image_url' || !isRecord(part.image_url)) return null;
  const url = part.image_url.url;
  return typeof url === 'string' && (base64DataUrl.test(url) || bareBase64.test(url)) ? part.image_url : null;
}

/** Bare base64 carries no type: it is read from the first bytes (PNG, JPEG, GIF, WebP; PNG when unknown). */
function mimeTypeOfBase64(base64: string): string {
  if (base64.startsWith('/9j/')) return 'image/jpeg';
  if (base64.startsWith('R0lGOD')) return 'image/gif';
  if (base64.startsWith('UklGR')) return 'image/webp';
  return 'image/png';
}

function fileExtension(mimeType: string): string {
  const subtype = mimeType.split('/')[1] ?? 'bin';
  return subtype === 'jpeg' ? 'jpg' : subtype.replace(/[^a-z0-9]/gi, '') || 'bin';
}

/** Every distinct base64 image in the messages, in order of appearance. */
export function exportedImages(body: ChatRequestBody): ExportedImage[] {
  const found = new Map<string, number>();
  body.messages.forEach((message, index) => {
    const content: unknown = message.content;
    if (!Array.isArray(content)) return;
    for (const part of content) {
      const url = inlineImageHolder(part)?.url;
      if (typeof url === 'string' && !found.has(url)) found.set(url, index + 1);
    }
  });
  const several = found.size > 1;
  return [...found].map(([sentUrl, messageNumber], index) => {
    const bare = !sentUrl.startsWith('data:');
    const mimeType = bare ? mimeTypeOfBase64(sentUrl) : (/^data:([^;]+)/.exec(sentUrl)?.[1] ?? 'image/png');
    return {
      sentUrl,
      dataUrl: bare ? `data:${mimeType};base64,${sentUrl}` : sentUrl,
      bare,
      mimeType,
      messageNumber,
      variable: several ? `IMAGE_PATH_${index + 1}` : 'IMAGE_PATH',
      defaultPath: `${several ? `image-${index + 1}` : 'image'}.${fileExtension(mimeType)}`,
    };
  });
}

/** A copy of the body where each image URL is `expression(image)` instead of the base64 text. */
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
      const holder = inlineImageHolder(part);
      const image = images.find((candidate) => candidate.sentUrl === holder?.url);
      if (holder && image) holder.url = new CodeExpression(expression(image));
    }
  }
  return copy;
}

/** The comment line above an image path variable. */
export function imagePathComment(image: ExportedImage): string {
  const form = image.bare ? 'as bare base64 (no data: prefix), as the app sent it' : 'as a data: URL';
  return `The image in message ${image.messageNumber} (${image.mimeType}): set this to the file's path; it is sent base64-encoded ${form}.`;
}

/** Which reader functions the code needs: one per form the images are sent in. */
export function imageReadersNeeded(images: readonly ExportedImage[]): { dataUrl: boolean; bare: boolean } {
  return { dataUrl: images.some((image) => !image.bare), bare: images.some((image) => image.bare) };
}
