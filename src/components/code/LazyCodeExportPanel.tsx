import { useEffect } from 'react';
import { isLargeExport } from '../../core/codegen/requestSize';
import type { ChatRequest } from '../../core/request';
import { LoadBoundary } from '../ui/LoadBoundary';
import { preloadCodeViewer } from './loadCodeViewer';
import { preloadable } from '../ui/preloadable';

// The panel and the code generators load with the first dialog that shows them, not with the app.
const CodeExportPanel = preloadable(() =>
  import('./CodeExportPanel').then((module) => module.CodeExportPanel),
).Component;

/** CodeExportPanel, loaded on first use (with Monaco fetched alongside, not after it). */
export function LazyCodeExportPanel({ request }: { request: ChatRequest }) {
  // A request of megabytes is shown as plain text: loading the editor would be a long task for nothing.
  const large = isLargeExport(request.body);
  useEffect(() => {
    if (!large) preloadCodeViewer();
  }, [large]);
  return (
    <LoadBoundary
      fallback={
        <p role="alert" className="code-error">
          The Code panel could not be loaded. Check your connection and reopen it.
        </p>
      }
    >
      <CodeExportPanel request={request} whileLoading={<p className="code-hint">Loading the code…</p>} />
    </LoadBoundary>
  );
}
