// The Markdown stack (react-markdown, remark-gfm, marked) is the largest part of the app and no reply
// exists at first paint, so both renderers load on demand — and are prefetched once the page is idle,
// so the first streamed delta does not wait for them.
import { lazy, Suspense } from 'react';
import type { ReplyMarkdownProps } from '../markdown/ReplyMarkdown';

const loadReplyMarkdown = () => import('../markdown/ReplyMarkdown');
const loadReasoningText = () => import('../markdown/ReasoningText');

const ReplyMarkdownModule = lazy(() => loadReplyMarkdown().then((module) => ({ default: module.ReplyMarkdown })));
const ReasoningTextModule = lazy(() => loadReasoningText().then((module) => ({ default: module.ReasoningText })));

export function prefetchTextRenderers(): void {
  void loadReplyMarkdown();
  void loadReasoningText();
}

function PlainFallback({ text }: { text: string }) {
  return <div className="plain-text-fallback">{text}</div>;
}

export function LazyReplyMarkdown(props: ReplyMarkdownProps) {
  return (
    <Suspense fallback={<PlainFallback text={props.text} />}>
      <ReplyMarkdownModule {...props} />
    </Suspense>
  );
}

export function LazyReasoningText(props: { text: string; streaming: boolean }) {
  return (
    <Suspense fallback={<PlainFallback text={props.text} />}>
      <ReasoningTextModule {...props} />
    </Suspense>
  );
}
