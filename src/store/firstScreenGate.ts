// The code that restores the saved state (migrate, salvage, zod: ~15 KB gzip) is not needed to show the Message
// box. In the app, holdRestoreForFirstScreen.ts arms this gate before the store is created, and the app tells it when
// its first screen is committed; the gate opens once that screen has painted, and the code is fetched then
// (persistence.ts, stateDatabase.ts). Tests and anything else that does not arm it load the code straight away.
import { afterNextPaint } from './frameScheduler';

let armed = false;
let open: () => void = () => undefined;
const opened = new Promise<void>((resolve) => {
  open = resolve;
});

/** Makes the saved state's restore code wait for the first screen (or two seconds, should it never come). */
export function holdRestoreUntilFirstScreen(): void {
  armed = true;
  setTimeout(open, 2000);
}

/** The first screen is committed: the gate opens once it has painted. */
export function firstScreenShown(): void {
  afterNextPaint(open);
}

/** What the restore code waits for before it is fetched (the first screen painted): null when the gate is not armed. */
export function firstScreen(): Promise<void> | null {
  return armed ? opened : null;
}
