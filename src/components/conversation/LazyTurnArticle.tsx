import { memo, type ComponentProps } from 'react';
import { LoadBoundary } from '../ui/LoadBoundary';
import { preloadable } from '../ui/preloadable';
import type { TurnArticle } from './TurnArticle';

type TurnArticleProps = ComponentProps<typeof TurnArticle>;

// An empty start shows no turn: the transcript's code loads with the first one (or is fetched ahead, see
// prefetchForSend.ts).
const turnArticle = preloadable<TurnArticleProps>(() => import('./TurnArticle').then((module) => module.TurnArticle));

/** Fetches the transcript turns' code (once). */
export const loadTurnArticle = turnArticle.preload;

/**
 * TurnArticle, loaded on first use. Memoised on its props (an id and its place): a turn added, moved or deleted
 * re-renders the rows whose place changed, not the boundary and loader of every row of a long transcript.
 */
export const LazyTurnArticle = memo(function LazyTurnArticle(props: TurnArticleProps) {
  return (
    <LoadBoundary
      fallback={
        <p role="alert" className="field-error">
          This turn could not be shown: part of the app failed to load. Check your connection and reload the page.
        </p>
      }
    >
      <turnArticle.Component {...props} whileLoading={<article className="turn" aria-busy="true" />} />
    </LoadBoundary>
  );
});
