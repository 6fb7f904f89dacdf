import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';

/** How far from the bottom still counts as "at the bottom" (px). */
const bottomSlack = 32;
/** Rounding between a fractional scroll position and whole-pixel heights (px). */
const bottomTolerance = 2;

/**
 * Calls `onResize` when a scroll container or its content (its children, as they come and go) changes size: more
 * content, or less room for it (the pane's header grew a line when the reply ended).
 */
function watchContentSize(container: HTMLElement, onResize: () => void): () => void {
  if (typeof ResizeObserver === 'undefined' || typeof MutationObserver === 'undefined') return () => undefined;
  const sizes = new ResizeObserver(onResize);
  const observeChildren = () => {
    sizes.disconnect();
    sizes.observe(container);
    for (const child of container.children) sizes.observe(child);
  };
  observeChildren();
  const children = new MutationObserver(observeChildren);
  children.observe(container, { childList: true });
  return () => {
    children.disconnect();
    sizes.disconnect();
  };
}

/** Scrolls `element` to its end and records where that left it (`lastTop`), to tell the user's scrolls from ours. */
function pinToBottom(element: HTMLElement, lastTop: { current: number }): void {
  element.scrollTop = element.scrollHeight;
  lastTop.current = element.scrollTop;
}

/**
 * Keeps a scroll container pinned to the bottom while `growth` changes, until the user scrolls up.
 * The store commits at most once per frame, so the single layout read per commit happens where the browser
 * lays out for the paint anyway — never per token. The content also changes size between commits of new text (the
 * last blocks formatted over the next frames, code highlighted, the footnotes shown once the reply ends): that is
 * followed after the browser's own layout, before the paint, and so is the pane getting less room. Scrolling up
 * stops following; reaching the bottom resumes.
 */
export function useFollowStream(growth: unknown) {
  const containerRef = useRef<HTMLDivElement>(null);
  const followingRef = useRef(true);
  const lastTop = useRef(0);
  const watched = useRef<{ element: HTMLElement; stop: () => void } | null>(null);
  const [following, setFollowingState] = useState(true);

  const setFollowing = useCallback((value: boolean) => {
    followingRef.current = value;
    setFollowingState(value);
  }, []);

  useLayoutEffect(() => {
    const element = containerRef.current;
    // The container comes and goes (a folded reasoning pane has none): watch the one there is.
    if (watched.current?.element !== element) {
      watched.current?.stop();
      watched.current = null;
      if (element) {
        const pinIfFollowing = () => {
          if (followingRef.current) pinToBottom(element, lastTop);
        };
        watched.current = { element, stop: watchContentSize(element, pinIfFollowing) };
      }
    }
    if (element && followingRef.current) pinToBottom(element, lastTop);
  }, [growth]);

  useEffect(
    () => () => {
      watched.current?.stop();
      watched.current = null;
    },
    [],
  );

  const onScroll = useCallback(() => {
    const element = containerRef.current;
    if (!element) return;
    const top = element.scrollTop;
    // Only the user moves the view up from the bottom: our own scrolls only ever go down, and the browser moves the
    // view up only to keep it at the bottom of content that got shorter (a definition line that stops showing).
    const fromBottom = element.scrollHeight - top - element.clientHeight;
    if (top < lastTop.current - 1 && fromBottom > bottomTolerance) {
      if (followingRef.current) setFollowing(false);
    } else if (!followingRef.current && fromBottom <= bottomSlack) {
      setFollowing(true);
    }
    lastTop.current = top;
  }, [setFollowing]);

  const jumpToLatest = useCallback(() => {
    const element = containerRef.current;
    setFollowing(true);
    if (element) pinToBottom(element, lastTop);
  }, [setFollowing]);

  return { containerRef, following, onScroll, jumpToLatest };
}
