import type { RefObject, UIEvent } from 'react';
import { LazyReplyMarkdown as ReplyMarkdown } from './LazyText';
import { hasVisibleText } from '../../core/visibleText';

interface ReplyScrollProps {
  content: string;
  live: boolean;
  containerRef: RefObject<HTMLDivElement | null>;
  onScroll: (event: UIEvent<HTMLDivElement>) => void;
  /** Added to the "pane-scroll reply-scroll" classes. */
  className?: string;
  testId?: string;
}

/** The scrolling answer text, rendered as Markdown while it streams, or a placeholder while there is none. */
export function ReplyScroll({ content, live, containerRef, onScroll, className, testId }: ReplyScrollProps) {
  return (
    <div
      className={className ? `pane-scroll reply-scroll ${className}` : 'pane-scroll reply-scroll'}
      ref={containerRef}
      onScroll={onScroll}
      tabIndex={0}
      role="group"
      aria-label="Reply text"
      data-testid={testId}
    >
      {!hasVisibleText(content) ? (
        <p className="muted">{live ? 'The answer appears here as it arrives.' : 'No answer text.'}</p>
      ) : (
        <ReplyMarkdown text={content} streaming={live} />
      )}
    </div>
  );
}
