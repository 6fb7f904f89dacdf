// Recognising a share link is apart from decoding one (shareLink.ts), so that the page can check its URL at
// start-up without loading the decoder and its decompressor.

/** The fragment starts with this; anything else in the fragment is not a share link. */
export const shareFragmentPrefix = '#share=';

/** Whether a location hash is meant as a share link at all (then decode it, and remove it from the URL). */
export function isShareFragment(hash: string): boolean {
  return hash.startsWith(shareFragmentPrefix);
}
