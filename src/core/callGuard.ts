// Watches one call for the caller's stop and for a stall (nothing arrived for stallTimeoutMs), and aborts the
// request on either. Timers are injected through CallOptions.
import type { CallOptions } from './contracts';
import { defaultStallTimeoutMs } from './stallTimeout';

export type Interruption = 'stopped' | 'stalled';
export type Raced<T> = { value: T } | { interruption: Interruption };

/** Watches the caller's signal and the stall timer; aborts the request (fetch and body) on either. */
export interface CallGuard {
  /** Passed to fetch: aborted on stop or stall. */
  signal: AbortSignal;
  interrupted: Promise<Interruption>;
  reason(): Interruption | null;
  /** Something arrived: restart the stall timer. */
  touch(): void;
  dispose(): void;
}

export function createCallGuard(options: CallOptions, watchStall: boolean): CallGuard {
  const stallTimeoutMs = options.stallTimeoutMs ?? defaultStallTimeoutMs;
  const stallEnabled = watchStall && stallTimeoutMs > 0 && Number.isFinite(stallTimeoutMs);
  const schedule = options.setTimeout ?? ((callback: () => void, ms: number): unknown => setTimeout(callback, ms));
  const unschedule =
    options.clearTimeout ?? ((handle: unknown) => clearTimeout(handle as ReturnType<typeof setTimeout>));
  const controller = new AbortController();
  let reason: Interruption | null = null;
  let timer: unknown = null;
  let resolveInterrupted: (why: Interruption) => void = () => undefined;
  const interrupted = new Promise<Interruption>((resolve) => {
    resolveInterrupted = resolve;
  });

  const clearTimer = (): void => {
    if (timer === null) return;
    unschedule(timer);
    timer = null;
  };
  const interrupt = (why: Interruption): void => {
    if (reason !== null) return;
    reason = why;
    clearTimer();
    controller.abort();
    resolveInterrupted(why);
  };
  const onAbort = (): void => interrupt('stopped');
  const touch = (): void => {
    if (!stallEnabled || reason !== null) return;
    clearTimer();
    timer = schedule(() => interrupt('stalled'), stallTimeoutMs);
  };

  options.signal.addEventListener('abort', onAbort, { once: true });
  if (options.signal.aborted) onAbort();
  touch();
  return {
    signal: controller.signal,
    interrupted,
    reason: () => reason,
    touch,
    dispose: () => {
      clearTimer();
      options.signal.removeEventListener('abort', onAbort);
    },
  };
}

/** Waits for `work` unless the call is stopped or stalls first. Rejections of `work` propagate. */
export function untilInterrupted<T>(work: Promise<T>, guard: CallGuard): Promise<Raced<T>> {
  return Promise.race([
    work.then((value) => ({ value })),
    guard.interrupted.then((interruption) => ({ interruption })),
  ]);
}
