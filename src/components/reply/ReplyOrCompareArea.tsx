import { lazy, Suspense } from 'react';
import { usePlaygroundStore } from '../../store';
import { ReplyArea } from './ReplyArea';

// Compare mode is opt-in: its components load on first use.
const CompareView = lazy(() => import('../compare/CompareView').then((module) => ({ default: module.CompareView })));

/** The right-hand area: the selected reply, or the Compare columns while Compare is on. */
export function ReplyOrCompareArea() {
  const comparing = usePlaygroundStore((state) => state.compare.open);
  if (!comparing) return <ReplyArea />;
  return (
    <Suspense fallback={<p className="compare-loading muted">Loading Compare…</p>}>
      <CompareView />
    </Suspense>
  );
}
