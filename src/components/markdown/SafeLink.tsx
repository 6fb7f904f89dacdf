import type { ComponentPropsWithoutRef } from 'react';
import type { ExtraProps } from 'react-markdown';

type SafeLinkProps = ComponentPropsWithoutRef<'a'> & ExtraProps;

/**
 * A link from model output. Its href already went through `safeUrlTransform`: an empty href means the address was
 * unsafe, so the text is shown without a link. External links open in a new tab without opener or referrer.
 */
type FootnoteLinkProps = SafeLinkProps & {
  'data-footnote-ref'?: boolean | string;
  'data-footnote-backref'?: boolean | string;
};

export function SafeLink(props: SafeLinkProps) {
  const { href, title, children } = props;
  if (!href) {
    return (
      <span className="markdown-link-removed" title="Link removed: unsafe address">
        {children}
      </span>
    );
  }
  if (href.startsWith('#')) {
    // In-page links are footnote references and back links: their ids (prefixed per reply) and labels stay.
    const { id, className } = props;
    const footnote = props as FootnoteLinkProps;
    return (
      <a
        href={href}
        title={title}
        id={id}
        className={className}
        aria-label={props['aria-label']}
        aria-describedby={props['aria-describedby']}
        data-footnote-ref={footnote['data-footnote-ref']}
        data-footnote-backref={footnote['data-footnote-backref']}
      >
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
