// How long a stream may stay silent before it is reported as stalled. The user chooses it in seconds, within a range.

/** The stall timeout until the user chooses another. */
export const defaultStallTimeoutSeconds = 60;
export const defaultStallTimeoutMs = defaultStallTimeoutSeconds * 1000;

/** The stall timeouts (seconds) the user may choose. */
export const stallTimeoutRange = { min: 5, max: 600 } as const;
