// Alternative replies of one turn: Regenerate and "Save & resend" keep the reply they replace, and the switcher
// swaps them back in. An alternative is a whole snapshot of the turn's fields (so every field a turn carries rides
// along) plus the turns that followed it, so switching also brings back that branch of the conversation. Pure
// functions on turns; actions.ts applies them to the store.
import type { Turn, TurnAlternative, TurnFields } from './types';

/** At most this many replies per turn (the one shown included); the oldest goes first. */
export const maxAlternatives = 20;

/** The turn's own fields as an alternative, with the turns that follow it (none: no branch to keep). */
export function snapshotOf(turn: Turn, followingTurns: readonly Turn[] = []): TurnAlternative {
  const { id: _id, alternatives: _alternatives, alternativeIndex: _index, ...fields } = turn;
  return followingTurns.length > 0 ? { ...fields, followingTurns: [...followingTurns] } : fields;
}

function fieldsOf(alternative: TurnAlternative): TurnFields {
  const { followingTurns: _following, ...fields } = alternative;
  return fields;
}

/** Where the shown reply sits among all of a turn's replies. */
export function shownIndex(turn: Turn): number {
  const count = turn.alternatives?.length ?? 0;
  return Math.min(Math.max(0, turn.alternativeIndex ?? count), count);
}

/** How many replies the turn has in all (1 when it has no alternatives). */
export function alternativeCount(turn: Turn): number {
  return (turn.alternatives?.length ?? 0) + 1;
}

/** A turn showing `fields`, with `others` as its alternatives; no alternative fields when there are none. */
function turnWith(id: string, fields: TurnFields, others: TurnAlternative[], index: number): Turn {
  return others.length === 0 ? { ...fields, id } : { ...fields, id, alternatives: others, alternativeIndex: index };
}

/**
 * The turn showing a new reply (`fresh`, placed last), its current reply kept as an alternative together with
 * `followingTurns`. Beyond maxAlternatives the oldest are dropped: `dropped` says how many.
 */
export function withNewReply(
  turn: Turn,
  fresh: TurnFields,
  followingTurns: readonly Turn[] = [],
): { turn: Turn; dropped: number } {
  const index = shownIndex(turn);
  const others = [...(turn.alternatives ?? [])];
  others.splice(index, 0, snapshotOf(turn, followingTurns));
  const dropped = Math.max(0, others.length + 1 - maxAlternatives);
  const kept = others.slice(dropped);
  return { turn: turnWith(turn.id, fresh, kept, kept.length), dropped };
}

/**
 * The transcript with the turn showing its alternative number `target` (0-based): the reply shown so far, with
 * the turns after it, becomes an alternative, and the chosen one comes back with the turns that followed it.
 */
export function switchAlternative(turns: readonly Turn[], turnId: string, target: number): Turn[] {
  const position = turns.findIndex((turn) => turn.id === turnId);
  const turn = turns[position];
  if (!turn || target < 0 || target >= alternativeCount(turn) || target === shownIndex(turn)) return [...turns];
  const all = [...(turn.alternatives ?? [])];
  all.splice(shownIndex(turn), 0, snapshotOf(turn, turns.slice(position + 1)));
  const chosen = all[target];
  if (!chosen) return [...turns];
  const others = all.filter((_, index) => index !== target);
  return [
    ...turns.slice(0, position),
    turnWith(turn.id, fieldsOf(chosen), others, target),
    ...(chosen.followingTurns ?? []),
  ];
}

/** The replies after `turnId` marked stale: an earlier turn changed, so they answer something else now. */
export function markStaleAfter(turns: readonly Turn[], turnId: string): Turn[] {
  const position = turns.findIndex((turn) => turn.id === turnId);
  if (position < 0) return [...turns];
  return turns.map((turn, index) => (index > position && turn.reply !== null ? { ...turn, stale: true } : turn));
}
