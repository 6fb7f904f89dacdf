import { CodeFallback } from './CodeFallback';
import { LoadBoundary } from '../ui/LoadBoundary';
import { loadCodeViewer } from './loadCodeViewer';
import { canRunMonaco } from './monacoSupport';
import { preloadable } from '../ui/preloadable';

const CodeViewer = preloadable(() => loadCodeViewer().then((module) => module.default)).Component;

interface CodeDisplayProps {
  code: string;
  /** Monaco language id. */
  language: string;
  /** Accessible name of the code, e.g. "Python code". */
  label: string;
}

/**
 * The code in a read-only Monaco editor where it can run; as plain text while Monaco loads, where it cannot run
 * (jsdom) and if its chunk fails to load (offline, blocked), so the code is always readable.
 */
export function CodeDisplay({ code, language, label }: CodeDisplayProps) {
  const fallback = <CodeFallback code={code} />;
  if (!canRunMonaco()) return fallback;
  return (
    <LoadBoundary fallback={fallback}>
      <CodeViewer code={code} language={language} label={label} whileLoading={fallback} />
    </LoadBoundary>
  );
}
