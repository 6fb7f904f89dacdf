import { preloadable } from '../ui/preloadable';
import { LazyRegion } from '../ui/LazyRegion';

const replyArea = preloadable(() => import('./ReplyArea').then((module) => module.ReplyArea));

/** Fetches the reply area's code (once). */
export const loadReplyArea = replyArea.preload;

/** ReplyArea, loaded after the first paint; an empty area in the same place stands in for it meanwhile. */
export function LazyReplyArea() {
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
      region={replyArea}
    />
  );
}
