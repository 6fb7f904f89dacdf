// Small checks for values parsed from JSON (API responses, saved state, imported files), where anything may arrive.

/** A plain JSON object: not null, not an array. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
