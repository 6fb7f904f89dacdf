import { canRunMonaco } from './monacoSupport';

/** The Monaco chunk (≈ 700 KB gzip): fetched on first use only, never with the app. */
export const loadCodeViewer = () => import('./CodeViewer');

/** Starts fetching Monaco while the Code panel itself loads, instead of one after the other. */
export function preloadCodeViewer(): void {
  if (canRunMonaco()) void loadCodeViewer().catch(() => undefined); // CodeDisplay reports a failure when it renders
}
