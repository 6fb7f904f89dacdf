import { createContext, useContext } from 'react';

/**
 * The share of a frame's budgets (new text split into blocks, Markdown formatted afresh, the cost of the block still
 * streaming) that one reply gets. Several replies streaming side by side (Compare columns) share one frame: each
 * full budget alone fits in it, but four of them added up do not.
 */
export const FrameShareContext = createContext(1);

export function useFrameShare(): number {
  return useContext(FrameShareContext);
}

/** `budget` cut to `share`, never below `floor` (so every reply still moves on each frame). */
export function sharedBudget(budget: number, share: number, floor: number): number {
  return Math.max(floor, Math.round(budget * share));
}
