import { createElement, lazy, useState, type ComponentType } from 'react';

/**
 * A component loaded on demand that can also be fetched ahead (preload). Once it has arrived, parts mounted later
 * render it at once instead of suspending for a frame.
 */
export function preloadable<Props extends object>(load: () => Promise<ComponentType<Props>>) {
  let loaded: ComponentType<Props> | null = null;
  const preload = (): Promise<ComponentType<Props>> =>
    load().then((component) => {
      loaded = component;
      return component;
    });
  const LazyComponent = lazy(() => preload().then((component) => ({ default: component })));
  function Preloadable(props: Props) {
    // Chosen once per mount (state): switching from the lazy wrapper to the loaded component later would remount it
    // and lose its state.
    const [component] = useState<ComponentType<Props>>(() => loaded ?? LazyComponent);
    return createElement(component, props);
  }
  return { preload, Component: Preloadable };
}
