import type { ComponentPropsWithoutRef } from 'react';
import type { ExtraProps } from 'react-markdown';
import { hasHiddenCharacters, misleadingDestination, withoutHiddenCharacters } from './linkDestination';

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
  const text = textOf(props.node);
  const hidden = hasHiddenCharacters(text);
  const realHost = misleadingDestination(text, href);
  return (
    <>
      <a
        href={href}
        title={hidden ? 'Hidden control characters were removed from this link text' : title}
        target="_blank"
        rel="noopener noreferrer"
      >
        {hidden ? withoutHiddenCharacters(text) : children}
      </a>
      {realHost !== null && <span className="markdown-link-destination"> (goes to {realHost})</span>}
    </>
  );
}

type TextNode = { type: string; value?: unknown; children?: TextNode[] };

/** The link's text, from its syntax tree node (iteratively: the text may nest emphasis in emphasis). */
function textOf(node: TextNode | undefined): string {
  let text = '';
  const pending: TextNode[] = node ? [node] : [];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (next.type === 'text' && typeof next.value === 'string') text += next.value;
    if (next.children)
      for (let index = next.children.length - 1; index >= 0; index -= 1) pending.push(next.children[index] as TextNode);
  }
  return text;
}
