import { useId } from 'react';
import type { WebSearchSource } from '../../core/contracts';
import { usePlaygroundStore } from '../../store';
import { selectTurn } from '../../store/selectors';
import { SafeLink } from '../markdown/SafeLink';
import { safeUrlTransform } from '../markdown/safeUrl';
import './sources.css';

/** Nothing the reply did not carry: a stable empty list, so the selector does not re-render every commit. */
const noSources: readonly WebSearchSource[] = [];

/** The address itself, shortened for reading (the link keeps it whole). */
function displayAddress(link: string): string {
  try {
    const url = new URL(link);
    return `${url.host}${url.pathname === '/' ? '' : url.pathname}`;
  } catch {
    return link;
  }
}

function Source({ source }: { source: WebSearchSource }) {
  // Only http(s) links: anything else (javascript:, mailto:, relative…) shows as text without a link.
  const href = source.link ? safeUrlTransform(source.link, 'href') : '';
  const linkable = /^https?:/i.test(href);
  const title = source.title ?? (source.link ? displayAddress(source.link) : '');
  const details = [source.media, source.publishDate].filter(Boolean).join(' · ');
  return (
    <li className="reply-source">
      {source.refer && <span className="reply-source-refer">[{source.refer}] </span>}
      {linkable ? <SafeLink href={href}>{title}</SafeLink> : <span>{title}</span>}
      {details && <span className="reply-source-details"> — {details}</span>}
      {source.link && (
        <span className="reply-source-address" translate="no">
          {' '}
          {displayAddress(source.link)}
        </span>
      )}
      {source.content && (
        <details className="reply-source-summary">
          <summary>Summary</summary>
          <p>{source.content}</p>
        </details>
      )}
    </li>
  );
}

/**
 * The web search results the reply carried, as "Sources". Links open in a new tab without opener or referrer; the
 * results' icons are never loaded, so nothing is requested from those sites until the user clicks a link.
 */
export function ReplySources({ turnId }: { turnId: string }) {
  const sources = usePlaygroundStore((state) => selectTurn(state, turnId)?.reply?.webSearchSources ?? noSources);
  const headingId = useId();
  if (sources.length === 0) return null;
  return (
    <section className="reply-sources" aria-labelledby={headingId}>
      <h3 id={headingId} className="reply-sources-title">
        Sources
      </h3>
      <ol className="reply-sources-list">
        {sources.map((source, index) => (
          <Source key={`${source.link ?? ''}\u0000${source.title ?? ''}\u0000${index}`} source={source} />
        ))}
      </ol>
    </section>
  );
}
