// Images on user messages: attaching them to the draft (file, paste, drop or URL), keeping imported ones,
// and loading kept bytes. Bytes go to IndexedDB (imageDatabase.ts) and, while the app runs, ui.imageBytes.
import { imageDimensionsProblem, imageFileProblem, imageUrlProblem, type TurnImage } from '../core/images';
import { describeImageUrls, sentImageUrls } from './imageSelectors';
import { deleteImageBytes, loadImageBytes, saveImageBytes } from './imageDatabase';
import { newId } from './ids';
import { usePlaygroundStore } from './index';
import type { PlaygroundState } from './types';

const get = () => usePlaygroundStore.getState();
const set = usePlaygroundStore.setState.bind(usePlaygroundStore);

function rememberBytes(entries: Record<string, string | null>): void {
  set((state) => ({ ui: { ...state.ui, imageBytes: { ...state.ui.imageBytes, ...entries } } }));
}

function setDraftImages(update: (images: TurnImage[]) => TurnImage[]): void {
  set((state) => ({
    conversation: { ...state.conversation, draftImages: update(state.conversation.draftImages ?? []) },
  }));
}

function readBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    // readAsDataURL yields a string; the data: prefix is dropped, leaving the base64 bytes.
    reader.onload = () =>
      typeof reader.result === 'string'
        ? resolve(reader.result.replace(/^data:[^,]*,/, ''))
        : reject(new Error('The file could not be read.'));
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsDataURL(file);
  });
}

/** The size in pixels where the browser can tell cheaply; undefined elsewhere (the check is then skipped). */
async function pixelSize(file: Blob): Promise<{ width: number; height: number } | undefined> {
  if (typeof createImageBitmap !== 'function') return undefined;
  try {
    const bitmap = await createImageBitmap(file);
    const size = { width: bitmap.width, height: bitmap.height };
    bitmap.close();
    return size;
  } catch {
    return undefined;
  }
}

/** Attaches a picked, pasted or dropped file to the draft; returns the problem to show, or null once attached. */
export async function attachImageFile(file: File): Promise<string | null> {
  const name = file.name || 'pasted image';
  const problem = imageFileProblem({ name, type: file.type, size: file.size });
  if (problem) return problem;
  const size = await pixelSize(file);
  const sizeProblem = size ? imageDimensionsProblem(name, size.width, size.height) : null;
  if (sizeProblem) return sizeProblem;
  let base64: string;
  try {
    base64 = await readBase64(file);
  } catch {
    return `${name} could not be read.`;
  }
  const image: TurnImage = { id: newId('image'), name, mimeType: file.type, size: file.size, ...size };
  rememberBytes({ [image.id]: base64 });
  void saveImageBytes(image.id, base64);
  setDraftImages((images) => [...images, image]);
  return null;
}

/** Attaches a remote image (sent as given); returns the problem to show, or null once attached. */
export function attachImageUrl(text: string): string | null {
  const problem = imageUrlProblem(text);
  if (problem) return problem;
  setDraftImages((images) => [...images, ...describeImageUrls([text.trim()]).images]);
  return null;
}

export function removeDraftImage(id: string): void {
  setDraftImages((images) => images.filter((image) => image.id !== id));
  void deleteImageBytes(id);
}

/** Images for URLs read from a request (import, JSON tab, history): inline bytes are kept like attached ones. */
export function imagesFromUrls(urls: readonly string[]): TurnImage[] {
  const { images, bytes } = describeImageUrls(urls);
  keepImageBytes(bytes);
  return images;
}

/** Remembers image bytes (null: not available) and saves the available ones to IndexedDB. */
export function keepImageBytes(bytes: Record<string, string | null>): void {
  if (Object.keys(bytes).length === 0) return;
  rememberBytes(bytes);
  for (const [id, base64] of Object.entries(bytes)) if (base64 !== null) void saveImageBytes(id, base64);
}

/** The images for URLs read back from a request: the current ones when they are what is sent, else new ones. */
export function imagesForUrls(
  urls: readonly string[] | undefined,
  current: TurnImage[] | undefined,
  state: PlaygroundState,
): TurnImage[] | undefined {
  const sent = sentImageUrls(current, state);
  const given = urls ?? [];
  if (given.length === sent.length && given.every((url, index) => url === sent[index])) return current;
  return imagesFromUrls(given);
}

/** Loads from IndexedDB the bytes of every image the conversation shows that are not in memory yet. */
async function loadMissingBytes(state: PlaygroundState): Promise<void> {
  const { turns, draftImages = [] } = state.conversation;
  const wanted = [...turns.flatMap((turn) => turn.images ?? []), ...draftImages].filter(
    (image) => image.url === undefined && !(image.id in state.ui.imageBytes),
  );
  if (wanted.length === 0) return;
  const loaded = await Promise.all(wanted.map(async (image) => [image.id, await loadImageBytes(image.id)] as const));
  rememberBytes(Object.fromEntries(loaded));
}

/** Keeps ui.imageBytes filled for the conversation on screen; returns the unsubscribe. */
export function watchStoredImages(): () => void {
  void loadMissingBytes(get());
  return usePlaygroundStore.subscribe((state, previous) => {
    if (state.conversation !== previous.conversation || state.ui.imageBytes !== previous.ui.imageBytes)
      void loadMissingBytes(state);
  });
}
