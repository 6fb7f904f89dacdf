// The code that restores the saved state (migrate, salvage, zod: ~15 KB gzip) is not needed to show the Message
// box. In the app, holdRestoreForFirstScreen.ts arms this gate before the store is created, and the app opens it once
// its first screen is committed; the code is then fetched after that screen has painted (persistence.ts). Tests and
// anything else that does not arm it load the code straight away.

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

/** The first screen is committed. */
export function firstScreenShown(): void {
  open();
}

/** What the restore code waits for before it is fetched: null when the gate is not armed. */
export function firstScreen(): Promise<void> | null {
  return armed ? opened : null;
}
