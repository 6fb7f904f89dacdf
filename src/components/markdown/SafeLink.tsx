import type { ComponentPropsWithoutRef } from 'react';
import type { ExtraProps } from 'react-markdown';

type SafeLinkProps = ComponentPropsWithoutRef<'a'> & ExtraProps;

/**
 * A link from model output. Its href already went through `safeUrlTransform`: an empty href means the address was
 * unsafe, so the text is shown without a link. External links open in a new tab without opener or referrer.
 */
export function SafeLink({ href, title, children }: SafeLinkProps) {
  if (!href) {
    return (
      <span className="markdown-link-removed" title="Link removed: unsafe address">
        {children}
      </span>
    );
  }
  if (href.startsWith('#')) {
    return (
      <a href={href} title={title}>
        {children}
      </a>
    );
  }
  return (
    <a href={href} title={title} target="_blank" rel="noopener noreferrer">
      {children}
    </a>
  );
}
