import { Component, type ReactNode } from 'react';

interface LoadBoundaryProps {
  /** Shown instead of the children once loading them failed (a chunk that did not arrive). */
  fallback: ReactNode;
  children: ReactNode;
}

/** Catches a lazily loaded chunk that failed to load, so the rest of the page keeps working. */
export class LoadBoundary extends Component<LoadBoundaryProps, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}
