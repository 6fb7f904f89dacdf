import { lazy, useState } from 'react';
import { LazyRegion } from '../ui/LazyRegion';

type ReplyAreaModule = typeof import('./ReplyArea');
let loadedModule: ReplyAreaModule | null = null;

/** Fetches the reply area's code (once); kept so that a reply shown after it arrived renders at once. */
export function loadReplyArea(): Promise<ReplyAreaModule> {
  return import('./ReplyArea').then((module) => (loadedModule = module));
}

const ReplyArea = lazy(() => loadReplyArea().then((module) => ({ default: module.ReplyArea })));

/** ReplyArea, loaded after the first paint; an empty area in the same place stands in for it meanwhile. */
export function LazyReplyArea() {
  // Decided once per mount: switching component types later would remount the panes and lose their state.
  const [preloaded] = useState(() => loadedModule);
  if (preloaded) return <preloaded.ReplyArea />;
  return (
    <LazyRegion
      placeholder={<section className="reply-area" aria-label="Reasoning and reply" aria-busy="true" />}
      failure={
        <section className="reply-area" aria-label="Reasoning and reply">
          <p role="alert" className="notice notice-error">
            The reply could not be shown: part of the app failed to load. Check your connection and reload the page.
          </p>
        </section>
      }
    >
      <ReplyArea />
    </LazyRegion>
  );
}
