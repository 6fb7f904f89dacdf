import { lazy, Suspense, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { usePlaygroundStore } from '../../store';
import { discardRequestJsonEdit } from '../../store/actions';
import { LoadBoundary } from '../ui/LoadBoundary';

// The JSON tab and its parser load when the tab is first opened.
const RequestJsonEditor = lazy(() =>
  import('./RequestJsonEditor').then((module) => ({ default: module.RequestJsonEditor })),
);

type BodyTab = 'preview' | 'json';
const tabs: readonly { id: BodyTab; label: string }[] = [
  { id: 'preview', label: 'Preview' },
  { id: 'json', label: 'JSON' },
];

/**
 * The request body as "Preview" (read-only, what Send sends) or "JSON" (the raw editor). An unfinished JSON edit
 * is announced on the Preview tab too, since it blocks Send.
 */
export function RequestBodyTabs({ preview }: { preview: ReactNode }) {
  const [selected, setSelected] = useState<BodyTab>('preview');
  const hasDraft = usePlaygroundStore((state) => state.ui.requestJsonDraft !== null);
  const listRef = useRef<HTMLDivElement>(null);
  const id = useId();

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (!['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(event.key)) return;
    event.preventDefault();
    const index = tabs.findIndex((tab) => tab.id === selected);
    const next =
      event.key === 'Home'
        ? 0
        : event.key === 'End'
          ? tabs.length - 1
          : (index + (event.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length;
    const tab = tabs[next];
    if (!tab) return;
    setSelected(tab.id);
    listRef.current?.ownerDocument.getElementById(`${id}-tab-${tab.id}`)?.focus();
  }

  return (
    <div className="request-body-tabs">
      <div
        ref={listRef}
        role="tablist"
        aria-label="Request body view"
        className="request-body-tablist"
        onKeyDown={onKeyDown}
      >
        {tabs.map((tab) => (
          <button
            key={tab.id}
            id={`${id}-tab-${tab.id}`}
            type="button"
            role="tab"
            aria-selected={tab.id === selected}
            aria-controls={`${id}-panel`}
            tabIndex={tab.id === selected ? 0 : -1}
            className="request-body-tab"
            onClick={() => setSelected(tab.id)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      {hasDraft && selected === 'preview' && (
        <div className="request-json-problems" role="alert">
          <p>The JSON tab has an edit with a problem; Send waits until it is fixed.</p>
          <div className="button-row">
            <button type="button" onClick={() => setSelected('json')}>
              Show JSON
            </button>
            <button type="button" onClick={discardRequestJsonEdit}>
              Discard JSON edits
            </button>
          </div>
        </div>
      )}
      <div id={`${id}-panel`} role="tabpanel" aria-labelledby={`${id}-tab-${selected}`}>
        {selected === 'preview' ? (
          preview
        ) : (
          <LoadBoundary
            fallback={
              <p role="alert">The JSON editor could not be loaded. Check your connection and reload the page.</p>
            }
          >
            <Suspense fallback={<p className="sidebar-hint">Loading the JSON editor…</p>}>
              <RequestJsonEditor />
            </Suspense>
          </LoadBoundary>
        )}
      </div>
    </div>
  );
}
