// The gate that holds the code restoring the saved state back until the first screen (src/store/firstScreenGate.ts):
// it opens once the committed first screen has painted, not at the commit, so nothing it loads can delay that paint;
// and after two seconds should the first screen never come.
import { afterEach, beforeEach, expect, it, vi } from 'vitest';

type Gate = typeof import('../../src/store/firstScreenGate');

/** A fresh gate: its state lives for one page load. */
async function freshGate(): Promise<Gate> {
  vi.resetModules();
  return import('../../src/store/firstScreenGate');
}

/** Whether `promise` has settled once pending callbacks have run. */
async function settled(promise: Promise<void>): Promise<boolean> {
  let done = false;
  void promise.then(() => {
    done = true;
  });
  await vi.advanceTimersByTimeAsync(0);
  return done;
}

let frames: FrameRequestCallback[] = [];

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance', 'Date'] });
  frames = [];
  vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => frames.push(callback));
  vi.stubGlobal('cancelAnimationFrame', () => undefined);
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

it('does not hold anything back where the app did not arm it', async () => {
  const gate = await freshGate();
  expect(gate.firstScreen()).toBeNull();
});

it('stays shut when the first screen is committed, and opens once that screen has painted', async () => {
  const gate = await freshGate();
  gate.holdRestoreUntilFirstScreen();
  const opened = gate.firstScreen();
  if (!opened) throw new Error('The armed gate returned no promise.');
  gate.firstScreenShown();
  expect(await settled(opened)).toBe(false);
  // The browser paints the next frame: a task queued from its animation frame runs after the paint.
  for (const callback of frames.splice(0)) callback(performance.now());
  expect(await settled(opened)).toBe(true);
});

it('opens after two seconds when no first screen is ever committed', async () => {
  const gate = await freshGate();
  gate.holdRestoreUntilFirstScreen();
  const opened = gate.firstScreen();
  if (!opened) throw new Error('The armed gate returned no promise.');
  await vi.advanceTimersByTimeAsync(1999);
  expect(await settled(opened)).toBe(false);
  await vi.advanceTimersByTimeAsync(1);
  expect(await settled(opened)).toBe(true);
});
