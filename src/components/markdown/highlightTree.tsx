import { createElement, type ReactNode } from 'react';

// highlight.js returns HTML. Instead of injecting it, this reads back only what highlight.js writes — opening
// `<span class="…">` tags, `</span>` and the five entities its escaper produces — and builds React elements.
// Anything else is kept as literal text, so no markup from the code itself can ever become an element.
const tokenPattern = /<span class="([\w\s.-]*)">|<\/span>|&(amp|lt|gt|quot|#x27|#39);|[^<&]+|[<&]/g;
const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#x27': "'", '#39': "'" };

interface OpenSpan {
  className: string;
  children: ReactNode[];
}

export function highlightHtmlToReact(html: string): ReactNode[] {
  const root: ReactNode[] = [];
  const stack: OpenSpan[] = [];
  let key = 0;
  const current = (): ReactNode[] => stack.at(-1)?.children ?? root;
  const pushText = (text: string) => {
    const children = current();
    const last = children.length - 1;
    if (typeof children[last] === 'string') children[last] += text;
    else children.push(text);
  };

  for (const match of html.matchAll(tokenPattern)) {
    const [token, className, entity] = match;
    if (className !== undefined) {
      stack.push({ className, children: [] });
    } else if (token === '</span>') {
      const span = stack.pop();
      if (span === undefined) pushText(token);
      else current().push(createElement('span', { key: key++, className: span.className }, ...span.children));
    } else if (entity !== undefined) {
      pushText(entities[entity] ?? token);
    } else {
      pushText(token);
    }
  }
  // Unbalanced output (never produced by highlight.js): close what is left open.
  while (stack.length > 0) {
    const span = stack.pop();
    if (span !== undefined)
      current().push(createElement('span', { key: key++, className: span.className }, ...span.children));
  }
  return root;
}
