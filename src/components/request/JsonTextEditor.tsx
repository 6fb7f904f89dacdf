import type { ComponentProps, ReactNode } from 'react';
import { canRunMonaco } from '../code/monacoSupport';
import { LoadBoundary } from '../ui/LoadBoundary';
import { preloadable } from '../ui/preloadable';
import type RequestJsonMonaco from './RequestJsonMonaco';

type MonacoViewProps = ComponentProps<typeof RequestJsonMonaco>;

// Monaco's JSON view, loaded on first use; one loader for every JSON text it edits.
const monacoView = preloadable<MonacoViewProps>(() => import('./RequestJsonMonaco').then((module) => module.default));

interface JsonTextEditorProps extends MonacoViewProps {
  /** The plain textarea: shown where Monaco cannot run (jsdom), while it loads, and if its chunk fails to load. */
  textarea: ReactNode;
}

/** JSON text (the request body, a tool's parameters schema) in Monaco where it can run, else in its textarea. */
export function JsonTextEditor({ textarea, ...view }: JsonTextEditorProps) {
  if (!canRunMonaco()) return textarea;
  return (
    <LoadBoundary fallback={textarea}>
      <monacoView.Component {...view} whileLoading={textarea} />
    </LoadBoundary>
  );
}
