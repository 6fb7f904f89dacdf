// The streaming commit scheduler (src/store/frameScheduler.ts): the first update shows on the next frame, the first
// text at the end of the task that brought it, later ones at most once per commitIntervalMs, flush() commits at
// once, and without animation frames (a background tab) the timer fallback still commits. afterNextPaint (the end
// of a stream) waits for the frame to paint, once.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  afterNextPaint,
  commitIntervalMs,
  createFrameScheduler,
  framesAreRunning,
} from '../../src/store/frameScheduler';

/** Animation frames the test runs by hand: `frame()` is the browser painting the next frame. */
function manualFrames() {
  let callbacks = new Map<number, FrameRequestCallback>();
  let next = 1;
  vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => {
    callbacks.set(next, callback);
    return next++;
  });
  vi.stubGlobal('cancelAnimationFrame', (handle: number) => {
    callbacks.delete(handle);
  });
  return {
    pending: () => callbacks.size,
    frame() {
      const due = callbacks;
      callbacks = new Map();
      // Every callback of one frame gets that frame's time, as in the browser.
      const time = performance.now();
      for (const callback of due.values()) callback(time);
    },
  };
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance', 'Date'] });
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('createFrameScheduler', () => {
  it('lets several replies commit in the same frame while their commits are quick', () => {
    const frames = manualFrames();
    const commits = [vi.fn(), vi.fn(), vi.fn()];
    for (const commit of commits) createFrameScheduler(commit).schedule();
    frames.frame();
    for (const commit of commits) expect(commit).toHaveBeenCalledTimes(1);
  });

  it('moves a reply’s commit to the next frame once the commits before it in the frame took long', () => {
    const frames = manualFrames();
    const slow = vi.fn(() => vi.advanceTimersByTime(30));
    const waiting = vi.fn();
    createFrameScheduler(slow).schedule();
    createFrameScheduler(waiting).schedule();
    frames.frame();
    expect(slow).toHaveBeenCalledTimes(1);
    expect(waiting).not.toHaveBeenCalled();
    frames.frame();
    expect(waiting).toHaveBeenCalledTimes(1);
  });

  it('commits the first update on the next animation frame', () => {
    const frames = manualFrames();
    const commit = vi.fn();
    const scheduler = createFrameScheduler(commit);
    scheduler.schedule();
    expect(commit).not.toHaveBeenCalled();
    frames.frame();
    expect(commit).toHaveBeenCalledTimes(1);
  });

  it('commits updates that arrive within the interval once, after the interval', () => {
    const frames = manualFrames();
    const commit = vi.fn();
    const scheduler = createFrameScheduler(commit);
    scheduler.schedule();
    frames.frame();
    expect(commit).toHaveBeenCalledTimes(1);

    // Several updates a few ms after that commit: nothing is due yet, however many frames pass.
    vi.advanceTimersByTime(5);
    scheduler.schedule();
    scheduler.schedule();
    frames.frame();
    vi.advanceTimersByTime(20);
    frames.frame();
    expect(commit).toHaveBeenCalledTimes(1);

    // Once the interval is over, the next frame commits them, once.
    vi.advanceTimersByTime(commitIntervalMs);
    scheduler.schedule();
    frames.frame();
    frames.frame();
    expect(commit).toHaveBeenCalledTimes(2);
  });

  it('commits an update scheduled soon once the task that brought it is over, within the interval', async () => {
    const frames = manualFrames();
    const commit = vi.fn();
    const scheduler = createFrameScheduler(commit);
    scheduler.schedule();
    frames.frame();
    vi.advanceTimersByTime(5);
    scheduler.schedule();
    scheduler.schedule(true);
    scheduler.schedule();
    expect(commit).toHaveBeenCalledTimes(1);
    await Promise.resolve();
    expect(commit).toHaveBeenCalledTimes(2);
    // Nothing else was left waiting: the updates scheduled in that task went out with it.
    vi.advanceTimersByTime(commitIntervalMs);
    frames.frame();
    expect(commit).toHaveBeenCalledTimes(2);
  });

  it('commits the first update at the end of its task, without waiting for the frame, when it is scheduled soon', async () => {
    const frames = manualFrames();
    const commit = vi.fn();
    const scheduler = createFrameScheduler(commit);
    scheduler.schedule();
    scheduler.schedule(true);
    await Promise.resolve();
    expect(commit).toHaveBeenCalledTimes(1);
    expect(frames.pending()).toBe(0);
  });

  it('drops an end-of-task commit that a flush already made', async () => {
    manualFrames();
    const commit = vi.fn();
    const scheduler = createFrameScheduler(commit);
    scheduler.schedule(true);
    scheduler.flush();
    await Promise.resolve();
    expect(commit).toHaveBeenCalledTimes(1);
  });

  it('flush commits at once and leaves nothing scheduled', () => {
    const frames = manualFrames();
    const commit = vi.fn();
    const scheduler = createFrameScheduler(commit);
    scheduler.schedule();
    scheduler.flush();
    expect(commit).toHaveBeenCalledTimes(1);
    expect(frames.pending()).toBe(0);
    frames.frame();
    vi.advanceTimersByTime(1000);
    expect(commit).toHaveBeenCalledTimes(1);
  });

  it('still commits through the timer fallback when animation frames do not run (a background tab)', () => {
    manualFrames(); // frames are requested but never run
    const commit = vi.fn();
    const scheduler = createFrameScheduler(commit, 250);
    scheduler.schedule();
    vi.advanceTimersByTime(249);
    expect(commit).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(commit).toHaveBeenCalledTimes(1);

    // Later updates keep arriving the same way: every interval plus the fallback delay, not never.
    scheduler.schedule();
    vi.advanceTimersByTime(commitIntervalMs + 250);
    expect(commit).toHaveBeenCalledTimes(2);
  });

  it('commits through timers alone where there is no requestAnimationFrame at all', () => {
    const commit = vi.fn();
    const scheduler = createFrameScheduler(commit, 250);
    scheduler.schedule();
    vi.advanceTimersByTime(250);
    expect(commit).toHaveBeenCalledTimes(1);
  });
});

describe('framesAreRunning', () => {
  it('is true just after a frame committed, and false once frames have stopped for a second (a background tab)', () => {
    const frames = manualFrames();
    vi.advanceTimersByTime(5000);
    const scheduler = createFrameScheduler(vi.fn());
    scheduler.schedule();
    frames.frame();
    expect(framesAreRunning()).toBe(true);
    vi.advanceTimersByTime(999);
    expect(framesAreRunning()).toBe(true);
    vi.advanceTimersByTime(1);
    expect(framesAreRunning()).toBe(false);
  });
});

describe('afterNextPaint', () => {
  it('runs after the next frame has painted (a task queued from that frame), not in the frame itself', () => {
    const frames = manualFrames();
    const callback = vi.fn();
    afterNextPaint(callback);
    frames.frame();
    expect(callback).not.toHaveBeenCalled();
    vi.advanceTimersByTime(0);
    expect(callback).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1000);
    expect(callback).toHaveBeenCalledTimes(1);
  });

  it('runs after the fallback delay when frames do not run (a background tab)', () => {
    manualFrames();
    const callback = vi.fn();
    afterNextPaint(callback, 100);
    vi.advanceTimersByTime(99);
    expect(callback).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(callback).toHaveBeenCalledTimes(1);
  });

  it('run() runs it at once, and only once', () => {
    const frames = manualFrames();
    const callback = vi.fn();
    const waiting = afterNextPaint(callback);
    waiting.run();
    expect(callback).toHaveBeenCalledTimes(1);
    frames.frame();
    vi.advanceTimersByTime(1000);
    waiting.run();
    expect(callback).toHaveBeenCalledTimes(1);
  });
});
