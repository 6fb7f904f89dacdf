// "Continue" asks the model to go on from a partial answer; models often start by repeating the end of it (the
// last words, a heading, or the whole partial answer). The repeat is dropped so the answer reads as one text.

/** A shorter repeat is as likely to be chance ("the", a space) as a repeat. */
const minimumOverlap = 4;

/** Where in `partial` a repeat of its own tail begins `added`, or -1. The longest repeat wins. */
function overlapStart(partial: string, added: string): number {
  const probe = added.slice(0, minimumOverlap);
  if (probe.length < minimumOverlap) return -1;
  let at = partial.indexOf(probe, Math.max(0, partial.length - added.length));
  while (at !== -1) {
    const tail = partial.slice(at);
    if (added.startsWith(tail)) return at;
    at = partial.indexOf(probe, at + 1);
  }
  return -1;
}

/**
 * The part of `added` (the continuation received so far) that extends `partial`. While the stream is still
 * running (`final` false) and everything received could still be the start of a repeat, nothing is shown yet.
 */
export function continuationText(partial: string, added: string, final: boolean): string {
  if (added === '' || partial === '') return added;
  const trimmed = added.replace(/^\s+/, '');
  if (!final && trimmed.length < partial.length && partial.includes(trimmed)) return '';
  const start = overlapStart(partial, added);
  if (start !== -1) return added.slice(partial.length - start);
  // A repeat that the model set on a new line: the whitespace before it is not part of the answer.
  const trimmedStart = overlapStart(partial, trimmed);
  if (trimmedStart !== -1) return trimmed.slice(partial.length - trimmedStart);
  return added;
}
