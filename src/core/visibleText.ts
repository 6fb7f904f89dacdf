// Whether a text shows anything, asked of replies and messages on every render and every frame of a stream: a search
// for the first visible character, never `trim()`, which copies the whole text (megabytes for a long reply or a
// pasted document).

/** True when `text` has a character other than white space. */
export function hasVisibleText(text: string): boolean {
  return /\S/.test(text);
}
