// What the app holds outside the store while it runs — calls in flight, timers, a pending confirmation, caches.
// Each module that keeps such state registers how to clear it, so one resetRuntime() brings the app back to a
// fresh start (resetPlayground and the test setup call it) and nothing survives a reset by accident.

const resets = new Set<() => void>();

/** Registers how to clear one module's runtime state (abort calls, clear timers, forget caches). */
export function onRuntimeReset(reset: () => void): void {
  resets.add(reset);
}

/** Clears every module's runtime state. */
export function resetRuntime(): void {
  for (const reset of resets) reset();
}
