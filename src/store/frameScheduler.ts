// Coalesces streaming updates into store commits: at most one per animation frame, and after the first one at
// most one per `minIntervalMs`. Every commit costs a full render pass whose style, layout, paint and compositing
// grow with the length of the reply, so 60 commits a second on a long reply cost far more than the text is worth;
// 20 a second still looks live (bench/run.mjs measures both). The first commit goes out on the next frame. The one
// bringing the first reasoning or answer text (a thinking stream opens with a white-space delta) goes out at the end
// of the task that received it, so it paints on the very next frame: waiting for that frame's callback could miss
// it by a few milliseconds and cost a frame. requestAnimationFrame does not run in background tabs, so a timer
// fallback keeps the text arriving there too.
import { onRuntimeReset } from './runtime';

export interface FrameScheduler {
  /**
   * Commit on a coming frame; `soon`: at the end of this task, whatever the interval (the first reasoning or answer
   * text).
   */
  schedule(soon?: boolean): void;
  /** Commit now (done, stop, error). */
  flush(): void;
  cancel(): void;
}

/** Least time between two commits while a reply streams (ms). */
export const commitIntervalMs = 50;

/** When a scheduler's animation frame last ran (performance.now()); -Infinity until one does. */
let lastFrameAt = -Infinity;
/**
 * The frame whose commits are running (its requestAnimationFrame time) and when its first commit began. Several
 * replies streaming at once (Compare columns) each commit on their own: past this much work in one frame, the next
 * commit waits for the following frame, so their costs do not add up to one long task.
 */
const frameCommitBudgetMs = 20;
let committingFrame: { time: number; startedAt: number } | null = null;
onRuntimeReset(() => {
  lastFrameAt = -Infinity;
  committingFrame = null;
});
const clock = () => (typeof performance === 'undefined' ? Date.now() : performance.now());

/**
 * True when animation frames ran in the last second: the page is painting. False in a background tab (no frames,
 * timers throttled to one a second or less) or a frozen one: there, waiting for a paint would only delay the end.
 */
export function framesAreRunning(): boolean {
  return clock() - lastFrameAt < 1000;
}

export function createFrameScheduler(
  commit: () => void,
  fallbackMs = 250,
  minIntervalMs = commitIntervalMs,
): FrameScheduler {
  let frame: number | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let endOfTaskCommit = false;
  let lastCommit = -Infinity;
  const hasFrames = typeof requestAnimationFrame === 'function';
  const now = clock;

  function cancel(): void {
    if (frame !== null && hasFrames) cancelAnimationFrame(frame);
    if (timer !== null) clearTimeout(timer);
    frame = null;
    timer = null;
    endOfTaskCommit = false;
  }

  function run(): void {
    cancel();
    lastCommit = now();
    commit();
  }

  function onFrame(time: number): void {
    lastFrameAt = now();
    if (committingFrame === null || committingFrame.time !== time) committingFrame = { time, startedAt: lastFrameAt };
    else if (lastFrameAt - committingFrame.startedAt > frameCommitBudgetMs) {
      frame = requestAnimationFrame(onFrame);
      return;
    }
    run();
  }

  function requestFrame(): void {
    if (hasFrames) frame = requestAnimationFrame(onFrame);
    timer = setTimeout(run, fallbackMs);
  }

  return {
    schedule(soon = false) {
      if (soon) {
        // After the rest of this task's events, so they go out in the same commit.
        if (endOfTaskCommit) return;
        endOfTaskCommit = true;
        queueMicrotask(() => {
          if (endOfTaskCommit) run();
        });
        return;
      }
      if (frame !== null || timer !== null || endOfTaskCommit) return;
      // Half a frame early, so a 50 ms interval lands on every third frame rather than every fourth.
      const wait = lastCommit + minIntervalMs - now() - 8;
      if (wait <= 0) {
        requestFrame();
        return;
      }
      timer = setTimeout(() => {
        timer = null;
        requestFrame();
      }, wait);
    },
    flush: run,
    cancel,
  };
}

/**
 * Runs `callback` once the next frame has painted (a task queued from requestAnimationFrame runs after that frame's
 * style, layout and paint), or after `fallbackMs` where frames do not run (background tabs, no rAF). Used at the
 * end of a stream, so the final text paints before the work that follows it. Returns `run`, which runs the callback
 * at once if it has not run yet (a Send during that frame), and `cancel`.
 */
export function afterNextPaint(callback: () => void, fallbackMs = 100): { run(): void; cancel(): void } {
  let done = false;
  let frame: number | null = null;
  let paintTimer: ReturnType<typeof setTimeout> | null = null;
  const fallbackTimer = setTimeout(run, fallbackMs);

  function cancel(): void {
    done = true;
    clearTimeout(fallbackTimer);
    if (paintTimer !== null) clearTimeout(paintTimer);
    if (frame !== null) cancelAnimationFrame(frame);
  }

  function run(): void {
    if (done) return;
    cancel();
    callback();
  }

  if (typeof requestAnimationFrame === 'function') {
    frame = requestAnimationFrame(() => {
      frame = null;
      paintTimer = setTimeout(run, 0);
    });
  }
  return { run, cancel };
}
