import './reply.css';
import { useEffect, useId, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { usePlaygroundStore } from '../../store';

/** Enough for any real search; beyond it the count says "1000+" and the rest is not highlighted. */
const maximumMatches = 1000;
const allName = 'reasoning-search';
const currentName = 'reasoning-search-current';

interface SearchHighlights {
  all: Range[];
  current: Range | null;
}

// Several panes (Compare, presenter view) may search at once; the page has one highlight per name, so it holds them all.
const panesHighlights = new Map<string, SearchHighlights>();

function supportsHighlights(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

function publishHighlights(): void {
  const all: Range[] = [];
  const current: Range[] = [];
  for (const entry of panesHighlights.values()) {
    all.push(...entry.all);
    if (entry.current) current.push(entry.current);
  }
  CSS.highlights.set(allName, new Highlight(...all));
  CSS.highlights.set(currentName, new Highlight(...current));
}

function escapeForRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Ranges of every case-insensitive occurrence of `query` in the rendered text under `container`. */
function findRanges(container: HTMLElement, query: string): Range[] {
  const nodes: Text[] = [];
  const starts: number[] = [];
  let text = '';
  const walker = container.ownerDocument.createTreeWalker(container, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    nodes.push(node as Text);
    starts.push(text.length);
    text += node.nodeValue ?? '';
  }
  const ranges: Range[] = [];
  const pattern = new RegExp(escapeForRegExp(query), 'giu');
  let nodeIndex = 0;
  for (const match of text.matchAll(pattern)) {
    if (ranges.length >= maximumMatches) break;
    const start = match.index;
    const end = start + match[0].length;
    while (nodeIndex + 1 < nodes.length && (starts[nodeIndex + 1] ?? Infinity) <= start) nodeIndex += 1;
    let endIndex = nodeIndex;
    while (endIndex + 1 < nodes.length && (starts[endIndex + 1] ?? Infinity) < end) endIndex += 1;
    const startNode = nodes[nodeIndex];
    const endNode = nodes[endIndex];
    if (!startNode || !endNode) break;
    const range = container.ownerDocument.createRange();
    range.setStart(startNode, start - (starts[nodeIndex] ?? 0));
    range.setEnd(endNode, end - (starts[endIndex] ?? 0));
    ranges.push(range);
  }
  return ranges;
}

function blockOf(range: Range): HTMLElement | null {
  const node = range.startContainer;
  return node instanceof HTMLElement ? node : node.parentElement;
}

interface ReasoningSearchProps {
  /** The scroll container the reasoning text is rendered in. */
  containerRef: RefObject<HTMLElement | null>;
  /** True while the reasoning grows: new text is searched when the user types, not per frame. */
  streaming: boolean;
}

/**
 * "Search in reasoning": highlights matches in the rendered reasoning (CSS Custom Highlight API where the browser has
 * it, else marks the blocks that contain a match), with a count and next/previous. It searches when the query
 * changes, when the text stops streaming and when the rendering (plain/Markdown) changes — never per token.
 */
export function ReasoningSearch({ containerRef, streaming }: ReasoningSearchProps) {
  const format = usePlaygroundStore((state) => state.preferences.reasoningFormat);
  const [query, setQuery] = useState('');
  const [found, setFound] = useState({ count: 0, current: -1 });
  const ranges = useRef<Range[]>([]);
  const marked = useRef<HTMLElement[]>([]);
  const key = useId();

  function show(current: number) {
    for (const element of marked.current) element.removeAttribute('data-search-hit');
    marked.current = [];
    const currentRange = ranges.current[current] ?? null;
    if (supportsHighlights()) {
      panesHighlights.set(key, { all: ranges.current, current: currentRange });
      publishHighlights();
    } else {
      for (const range of ranges.current) {
        const block = blockOf(range);
        if (!block || block.hasAttribute('data-search-hit')) continue;
        block.setAttribute('data-search-hit', 'match');
        marked.current.push(block);
      }
      if (currentRange) blockOf(currentRange)?.setAttribute('data-search-hit', 'current');
    }
    if (currentRange) {
      const block = blockOf(currentRange);
      if (block && typeof block.scrollIntoView === 'function') block.scrollIntoView({ block: 'nearest' });
    }
    setFound({ count: ranges.current.length, current });
  }

  useEffect(() => {
    // After the commit that changed the text or the query, so the search reads what is on screen.
    const timer = setTimeout(() => {
      const container = containerRef.current;
      ranges.current = container && query !== '' ? findRanges(container, query) : [];
      show(ranges.current.length > 0 ? 0 : -1);
    }, 0);
    return () => clearTimeout(timer);
    // `show` only touches refs and state setters.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [query, streaming, format, containerRef]);

  useEffect(
    () => () => {
      for (const element of marked.current) element.removeAttribute('data-search-hit');
      if (panesHighlights.delete(key) && supportsHighlights()) publishHighlights();
    },
    [key],
  );

  function step(offset: 1 | -1) {
    const count = ranges.current.length;
    if (count === 0) return;
    show((found.current + offset + count) % count);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter') {
      event.preventDefault();
      step(event.shiftKey ? -1 : 1);
    } else if (event.key === 'Escape' && query !== '') {
      // Clears the search; a second Esc may leave the presenter view.
      event.preventDefault();
      event.stopPropagation();
      setQuery('');
    }
  }

  const countText =
    query === ''
      ? ''
      : found.count === 0
        ? 'No matches'
        : `${found.count >= maximumMatches ? `${maximumMatches}+` : found.count} ${found.count === 1 ? 'match' : 'matches'}`;
  return (
    <div className="reasoning-search" role="search" aria-label="Reasoning search">
      <label className="reasoning-search-field">
        <span>Search in reasoning</span>
        <input type="search" value={query} onChange={(event) => setQuery(event.target.value)} onKeyDown={onKeyDown} />
      </label>
      <span role="status" className="reasoning-search-count">
        {countText}
      </span>
      {found.count > 0 && <span className="reasoning-search-position">{`${found.current + 1} of ${found.count}`}</span>}
      <button type="button" className="button-quiet" disabled={found.count === 0} onClick={() => step(-1)}>
        Previous match
      </button>
      <button type="button" className="button-quiet" disabled={found.count === 0} onClick={() => step(1)}>
        Next match
      </button>
    </div>
  );
}
