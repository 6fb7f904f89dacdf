import { Suspense, type ReactNode } from 'react';
import { useFirstPaintDone } from './firstPaint';
import { LoadBoundary } from './LoadBoundary';

interface LazyRegionProps {
  /** Takes the region's place (same box, so nothing moves) until its code has arrived. */
  placeholder: ReactNode;
  /** Shown instead when its code could not be loaded. */
  failure: ReactNode;
  /** Lazily loaded components: rendered, and so fetched, only after the first paint. */
  children: ReactNode;
}

/** A part of the page loaded after the Message box has painted, with a placeholder of its size meanwhile. */
export function LazyRegion({ placeholder, failure, children }: LazyRegionProps) {
  const painted = useFirstPaintDone();
  return (
    <LoadBoundary fallback={failure}>
      <Suspense fallback={placeholder}>{painted ? children : placeholder}</Suspense>
    </LoadBoundary>
  );
}
