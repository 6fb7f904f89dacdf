// Images in the request: the URLs they are sent as, and why Send must wait for them.
import { imageRefusal, imageUrlForm, inlineImageUrl, type TurnImage } from '../core/images';
import { newId } from './ids';
import type { ConnectionState, PlaygroundState, UiState } from './types';

/** What images are sent as: remote URLs as given, kept bytes in the endpoint's form (see core/images.ts). */
export function sentImageUrls(
  images: readonly TurnImage[] | undefined,
  state: { connection: Pick<ConnectionState, 'baseUrl'>; ui: Pick<UiState, 'imageBytes'> },
): string[] {
  if (!images || images.length === 0) return [];
  const form = imageUrlForm(state.connection.baseUrl);
  return images.flatMap((image) => {
    if (image.url !== undefined) return [image.url];
    const bytes = state.ui.imageBytes[image.id];
    return bytes ? [inlineImageUrl(bytes, image.mimeType, form)] : [];
  });
}

/** Why the images of the pending request stop Send (text-only model, bytes missing or loading), or null. */
export function imagesSendProblem(state: PlaygroundState): string | null {
  const { turns, draftImages = [] } = state.conversation;
  const images = [...turns.filter((turn) => !turn.excluded).flatMap((turn) => turn.images ?? []), ...draftImages];
  if (images.length === 0) return null;
  const refusal = imageRefusal(state.settings.model);
  if (refusal) return refusal;
  const kept = images.filter((image) => image.url === undefined);
  const missing = kept.find((image) => state.ui.imageBytes[image.id] === null);
  if (missing)
    return `The image ${missing.name} is not available in this browser: exclude or delete its message, or remove it from the draft.`;
  if (kept.some((image) => state.ui.imageBytes[image.id] === undefined))
    return 'The images are still loading from this browser’s storage.';
  return null;
}

const base64Text = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * Images for URLs read from a request, and their bytes by image id: remote URLs as they are; data URLs and bare
 * base64 as kept bytes; anything else (e.g. a saved copy whose bytes were left out) as an image not available.
 */
export function describeImageUrls(urls: readonly string[]): {
  images: TurnImage[];
  bytes: Record<string, string | null>;
} {
  const images: TurnImage[] = [];
  const bytes: Record<string, string | null> = {};
  urls.forEach((url, index) => {
    const id = newId('image');
    if (/^https?:\/\//i.test(url)) {
      images.push({ id, name: url, mimeType: /\.png(?:$|[?#])/i.test(url) ? 'image/png' : 'image/jpeg', size: 0, url });
      return;
    }
    const dataUrl = /^data:([^;,]+);base64,(.*)$/s.exec(url);
    const base64 = dataUrl ? (dataUrl[2] ?? '') : url;
    const mimeType = dataUrl?.[1] ?? (base64.startsWith('/9j/') ? 'image/jpeg' : 'image/png');
    bytes[id] = base64Text.test(base64) ? base64 : null;
    images.push({ id, name: `image ${index + 1}`, mimeType, size: Math.floor((base64.length * 3) / 4) });
  });
  return { images, bytes };
}
