// The Markdown stack (react-markdown, remark-gfm, marked) is the largest part of the app and no reply exists at
// first paint, so both renderers load on demand, fetched ahead once the user turns to the conversation
// (prefetchForSend.ts) so the first streamed delta does not wait for them. Once loaded, they render at once: no
// plain-text fallback swapped for the formatted text a frame later.
import type { ReplyMarkdownProps } from '../markdown/ReplyMarkdown';
import { preloadable } from '../ui/preloadable';

interface ReasoningTextProps {
  text: string;
  streaming: boolean;
}

const replyMarkdown = preloadable<ReplyMarkdownProps>(() =>
  import('../markdown/ReplyMarkdown').then((module) => module.ReplyMarkdown),
);
const reasoningText = preloadable<ReasoningTextProps>(() =>
  import('../markdown/ReasoningText').then((module) => module.ReasoningText),
);

/** Fetches both renderers (once). */
export function loadTextRenderers(): Promise<unknown> {
  return Promise.all([replyMarkdown.preload(), reasoningText.preload()]);
}

/** Fetches both renderers ahead of Send, then warms the Markdown code up while the page is idle (markdown/warmUp). */
export function prefetchTextRenderers(): void {
  void loadTextRenderers()
    .then(() => import('../markdown/warmUp'))
    .then(({ warmUpWhenIdle }) => warmUpWhenIdle())
    .catch(() => undefined);
}

function PlainFallback({ text }: { text: string }) {
  return <div className="plain-text-fallback">{text}</div>;
}

export function LazyReplyMarkdown(props: ReplyMarkdownProps) {
  return <replyMarkdown.Component {...props} whileLoading={<PlainFallback text={props.text} />} />;
}

export function LazyReasoningText(props: ReasoningTextProps) {
  return <reasoningText.Component {...props} whileLoading={<PlainFallback text={props.text} />} />;
}
