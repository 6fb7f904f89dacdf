/**
 * Monaco needs Web Workers and real layout. Where they are missing (jsdom in component tests, very old or locked-down
 * browsers) the Code panel shows the plain <pre> instead of loading the editor at all.
 */
export function canRunMonaco(): boolean {
  if (typeof window === 'undefined' || typeof Worker !== 'function') return false;
  return !/\bjsdom\b/i.test(window.navigator.userAgent);
}
