import type { ReactNode } from 'react';
import { useFirstPaintDone } from './firstPaint';
import { LoadBoundary } from './LoadBoundary';
import type { Preloadable } from './preloadable';

interface LazyRegionProps {
  /** Takes the region's place (same box, so nothing moves) until its code has arrived. */
  placeholder: ReactNode;
  /** Shown instead when its code could not be loaded. */
  failure: ReactNode;
  /** The region's component (no props): rendered, and so fetched, only after the first paint. */
  region: Preloadable<object>;
}

/** A part of the page loaded after the Message box has painted, with a placeholder of its size meanwhile. */
export function LazyRegion({ placeholder, failure, region }: LazyRegionProps) {
  const painted = useFirstPaintDone();
  return (
    <LoadBoundary fallback={failure}>
      {painted ? <region.Component whileLoading={placeholder} /> : placeholder}
    </LoadBoundary>
  );
}
