// Images in user messages (docs/wire-format.md#vision): the limits the API states, and the URL form each
// endpoint is sent. Both SDKs send bare base64; whether api.z.ai takes a full data URL is unconfirmed, so the
// Z.ai and BigModel hosts get bare base64 and any other endpoint a data URL.
import { demoPathPrefix, proxyRoutes, upstreamBaseUrl } from './endpoints';
import { findModel } from './models';

/** An image attached to a user message, as it is kept: the bytes live elsewhere (keyed by id), or at `url`. */
export interface TurnImage {
  id: string;
  /** The file name (alt text and label); the URL for a remote image. */
  name: string;
  mimeType: string;
  size: number;
  width?: number;
  height?: number;
  /** A remote image (http or https): sent as given, no bytes kept. */
  url?: string;
}

export const acceptedImageTypes = ['image/png', 'image/jpeg'] as const;
export const maxImageBytes = 5 * 1024 * 1024;
export const maxImageSide = 6000;

/** Why a file cannot be attached (type or size), or null when it can. */
export function imageFileProblem(file: { name: string; type: string; size: number }): string | null {
  if (!(acceptedImageTypes as readonly string[]).includes(file.type))
    return `${file.name} is not a JPEG or PNG image: the API takes jpg, jpeg and png only.`;
  if (file.size > maxImageBytes)
    return `${file.name} is ${(file.size / 1024 / 1024).toFixed(1)} MB: images may be at most 5 MB each.`;
  return null;
}

/** Why an image of this size in pixels cannot be sent, or null when it can. */
export function imageDimensionsProblem(name: string, width: number, height: number): string | null {
  if (width <= maxImageSide && height <= maxImageSide) return null;
  return `${name} is ${width}×${height} pixels: images may be at most ${maxImageSide}×${maxImageSide}.`;
}

/** Why this text cannot be added as a remote image URL, or null when it can. */
export function imageUrlProblem(text: string): string | null {
  try {
    const url = new URL(text.trim());
    if (url.protocol === 'https:' || url.protocol === 'http:') return null;
  } catch {
    // Not a URL at all: reported below.
  }
  return 'Enter an image URL starting with https:// (or http://).';
}

export type ImageUrlForm = 'bare-base64' | 'data-url';

const zaiOrigins = new Set(Object.values(proxyRoutes));

/** How inline image bytes go to this endpoint: bare base64 to Z.ai and BigModel (and the proxy and demo). */
export function imageUrlForm(baseUrl: string): ImageUrlForm {
  const upstream = upstreamBaseUrl(baseUrl.trim());
  // The offline demo stands in for Z.ai, so it is sent what Z.ai is sent.
  if (demoPathPrefix.test(upstream)) return 'bare-base64';
  try {
    return zaiOrigins.has(new URL(upstream).origin) ? 'bare-base64' : 'data-url';
  } catch {
    return 'data-url';
  }
}

/** The image_url.url for inline bytes in the endpoint's form. */
export function inlineImageUrl(base64: string, mimeType: string, form: ImageUrlForm): string {
  return form === 'bare-base64' ? base64 : `data:${mimeType};base64,${base64}`;
}

/**
 * Why this model cannot be sent images, or null when it can. A catalogued text-only model refuses; a custom id
 * is not known here, so the API decides.
 */
export function imageRefusal(modelId: string): string | null {
  const model = findModel(modelId);
  if (!model || model.vision.includes('image')) return null;
  return `${model.label} reads text only — pick a vision model such as GLM-4.6V to send images.`;
}

/**
 * A JSON.stringify replacer that leaves inline image bytes out of saved requests (replies and history keep what
 * was sent): they would fill localStorage, and the turn's own images keep the bytes in IndexedDB.
 */
export function withoutImageBytes(key: string, value: unknown): unknown {
  if (key !== 'url' || typeof value !== 'string' || value.length < 1024 || /^https?:/i.test(value)) return value;
  return `${leftOutImageText} ${Math.round((value.length * 3) / 4 / 1024)} KB)`;
}

const leftOutImageText = '(image data left out of the saved copy:';

/**
 * The value as JSON.stringify(value, withoutImageBytes) then JSON.parse would give it, without the text in between
 * (the saved state goes to IndexedDB as an object): undefined and functions left out, non-finite numbers null.
 */
export function copyWithoutImageBytes(value: unknown, key = ''): unknown {
  if (Array.isArray(value))
    return value.map((item: unknown, index) => {
      const copied = copyWithoutImageBytes(item, String(index));
      return copied === undefined ? null : copied;
    });
  if (typeof value === 'object' && value !== null) {
    const copy: Record<string, unknown> = {};
    for (const [field, fieldValue] of Object.entries(value)) {
      const copied = copyWithoutImageBytes(fieldValue, field);
      if (copied !== undefined) copy[field] = copied;
    }
    return copy;
  }
  if (typeof value === 'function' || value === undefined) return undefined;
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  return withoutImageBytes(key, value);
}

/** Does this saved request miss image bytes (see withoutImageBytes), so that it cannot be sent again as it is? */
export function lacksImageData(body: { messages: readonly { content: unknown }[] }): boolean {
  return body.messages.some(
    (message) =>
      Array.isArray(message.content) &&
      message.content.some((part: unknown) => JSON.stringify(part).includes(leftOutImageText)),
  );
}
