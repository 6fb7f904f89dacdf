import type { ReactNode, RefObject } from 'react';

interface ReasoningScrollProps {
  /** The id the pane's toggle controls (aria-controls). */
  id: string;
  expanded: boolean;
  /** The reply is still on its way (decides what an empty reasoning says). */
  live: boolean;
  empty: boolean;
  containerRef: RefObject<HTMLDivElement | null>;
  onScroll: () => void;
  /** Extra class for the box. */
  className?: string;
  /** The reasoning text. */
  children: ReactNode;
}

/**
 * The reasoning's scroll box ("Reasoning text"), shared by the transcript's and Compare's Reasoning panes.
 * Collapsed, the text is not rendered at all: nothing to lay out while the answer streams.
 */
export function ReasoningScroll({
  id,
  expanded,
  live,
  empty,
  containerRef,
  onScroll,
  className,
  children,
}: ReasoningScrollProps) {
  return (
    <div
      id={id}
      className={className ? `pane-scroll reasoning-scroll ${className}` : 'pane-scroll reasoning-scroll'}
      hidden={!expanded}
      ref={containerRef}
      onScroll={onScroll}
      tabIndex={expanded ? 0 : -1}
      role="group"
      aria-label="Reasoning text"
    >
      {expanded &&
        (empty ? (
          <p className="muted">
            {live ? 'Reasoning appears here if the model thinks first.' : 'No reasoning for this reply.'}
          </p>
        ) : (
          children
        ))}
    </div>
  );
}
