import { createElement, useEffect, useState, type ComponentType, type ReactNode } from 'react';

/** What a part loaded on demand shows until its code has arrived. */
export interface WhileLoading {
  /** Nothing by default. */
  whileLoading?: ReactNode;
}

export interface Preloadable<Props extends object> {
  /** Fetches the code (once; a failed fetch is tried again by the next call). */
  preload: () => Promise<ComponentType<Props>>;
  /** The component once its code is in, `whileLoading` until then; a failed load goes to the nearest error boundary. */
  Component: (props: Props & WhileLoading) => ReactNode;
}

type LoadState<Props> = { component: ComponentType<Props> } | { error: unknown } | null;

/**
 * A component loaded on demand that can also be fetched ahead (preload). Not React.lazy with Suspense: React holds
 * back the content of a Suspense boundary that showed its fallback until 300 ms after the last fallback anywhere on
 * the page, so a dialog whose 10 ms chunk came from the local server opened 310 ms after the click, and a restored
 * conversation appeared 300 ms after it was read. Here the code's arrival is an ordinary state update, shown at once;
 * once it has arrived, parts mounted later render it in their first render.
 */
export function preloadable<Props extends object>(load: () => Promise<ComponentType<Props>>): Preloadable<Props> {
  let loaded: ComponentType<Props> | null = null;
  let loading: Promise<ComponentType<Props>> | null = null;
  const preload = (): Promise<ComponentType<Props>> => {
    loading ??= load().then(
      (component) => {
        loaded = component;
        return component;
      },
      (error: unknown) => {
        loading = null;
        throw error;
      },
    );
    return loading;
  };

  function Component({ whileLoading = null, ...props }: Props & WhileLoading): ReactNode {
    // Chosen once per mount: the loaded component replaces what stood in for it and stays.
    const [state, setState] = useState<LoadState<Props>>(() => (loaded ? { component: loaded } : null));
    useEffect(() => {
      if (state !== null) return;
      let mounted = true;
      preload().then(
        (component) => {
          if (mounted) setState({ component });
        },
        (error: unknown) => {
          if (mounted) setState({ error });
        },
      );
      return () => {
        mounted = false;
      };
    }, [state]);
    if (state === null) return whileLoading;
    if ('error' in state) throw state.error;
    // `props` is Props without `whileLoading`, which TypeScript cannot tell of a generic rest.
    return createElement(state.component, props as Props);
  }
  return { preload, Component };
}
