import type { SourceBlock } from '../../core/markdownBlocks';

/**
 * Blocks per group. Groups bound the per-frame work on a long reply: React compares one memoised group per 32
 * blocks instead of every block, and the browser lays out one small group element instead of every block.
 */
const blocksPerGroup = 32;

export function groupBlocks<Item>(blocks: readonly Item[]): Item[][] {
  const groups: Item[][] = [];
  for (let start = 0; start < blocks.length; start += blocksPerGroup)
    groups.push(blocks.slice(start, start + blocksPerGroup));
  return groups;
}

/** Same objects at every position. */
export function sameItems<Item>(previous: readonly Item[], next: readonly Item[]): boolean {
  return previous.length === next.length && previous.every((item, index) => item === next[index]);
}

/** Same blocks, by text: a completed group compares equal every frame. */
export function sameBlocks(previous: readonly SourceBlock[], next: readonly SourceBlock[]): boolean {
  if (previous.length !== next.length) return false;
  for (let index = 0; index < previous.length; index++) {
    const before = previous[index];
    const after = next[index];
    // Completed blocks are the same objects frame to frame, so the text comparison rarely runs.
    if (before !== after && before?.text !== after?.text) return false;
  }
  return true;
}
