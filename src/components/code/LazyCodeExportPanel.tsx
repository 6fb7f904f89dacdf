import { lazy, Suspense, useEffect } from 'react';
import type { ChatRequest } from '../../core/request';
import { LoadBoundary } from '../ui/LoadBoundary';
import { preloadCodeViewer } from './loadCodeViewer';

// The panel and the code generators load with the first dialog that shows them, not with the app.
const CodeExportPanel = lazy(() => import('./CodeExportPanel').then((module) => ({ default: module.CodeExportPanel })));

/** CodeExportPanel, loaded on first use (with Monaco fetched alongside, not after it). */
export function LazyCodeExportPanel({ request }: { request: ChatRequest }) {
  useEffect(() => preloadCodeViewer(), []);
  return (
    <LoadBoundary
      fallback={
        <p role="alert" className="code-error">
          The Code panel could not be loaded. Check your connection and reopen it.
        </p>
      }
    >
      <Suspense fallback={<p className="code-hint">Loading the code…</p>}>
        <CodeExportPanel request={request} />
      </Suspense>
    </LoadBoundary>
  );
}
