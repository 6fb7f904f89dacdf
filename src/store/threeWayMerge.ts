// Merging two tabs' copies of a list kept by id (request history, the user's presets): each tab's additions and
// deletions since the common saved version survive; only entries neither tab touched come from either side.
export interface Identified {
  id: string;
}

/**
 * ours ∩ theirs, plus what either side added since `before`. An entry one side deleted (present before, missing
 * there) stays deleted. Ours come first in their order, then theirs' additions.
 */
export function mergeById<Entry extends Identified>(
  ours: readonly Entry[],
  before: readonly Entry[],
  theirs: readonly Entry[],
): Entry[] {
  const beforeIds = new Set(before.map((entry) => entry.id));
  const theirIds = new Set(theirs.map((entry) => entry.id));
  const ourIds = new Set(ours.map((entry) => entry.id));
  const kept = ours.filter((entry) => theirIds.has(entry.id) || !beforeIds.has(entry.id));
  const added = theirs.filter((entry) => !ourIds.has(entry.id) && !beforeIds.has(entry.id));
  return [...kept, ...added];
}

/** Same ids in the same order. */
export function sameIds(a: readonly Identified[], b: readonly Identified[]): boolean {
  return a.length === b.length && a.every((entry, index) => entry.id === b[index]?.id);
}
