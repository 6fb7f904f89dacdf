// Coalesces streaming updates into at most one store commit per animation frame. requestAnimationFrame
// does not run in background tabs, so a timer fallback keeps the text arriving there too.
export interface FrameScheduler {
  schedule(): void;
  /** Commit now (done, stop, error). */
  flush(): void;
  cancel(): void;
}

export function createFrameScheduler(commit: () => void, fallbackMs = 250): FrameScheduler {
  let frame: number | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const hasFrames = typeof requestAnimationFrame === 'function';

  function cancel(): void {
    if (frame !== null && hasFrames) cancelAnimationFrame(frame);
    if (timer !== null) clearTimeout(timer);
    frame = null;
    timer = null;
  }

  function run(): void {
    cancel();
    commit();
  }

  return {
    schedule() {
      if (frame !== null || timer !== null) return;
      if (hasFrames) frame = requestAnimationFrame(run);
      timer = setTimeout(run, fallbackMs);
    },
    flush: run,
    cancel,
  };
}
