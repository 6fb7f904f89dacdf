import { usePlaygroundStore } from '../../store';
import { LazyReasoningText, LazyReplyMarkdown } from './LazyText';

interface ReasoningContentProps {
  text: string;
  streaming: boolean;
}

/** The reasoning text, as plain text or as (safe) Markdown, per the "Reasoning display" preference. */
export function ReasoningContent({ text, streaming }: ReasoningContentProps) {
  const markdown = usePlaygroundStore((state) => state.preferences.reasoningFormat === 'markdown');
  return markdown ? (
    <LazyReplyMarkdown text={text} streaming={streaming} />
  ) : (
    <LazyReasoningText text={text} streaming={streaming} />
  );
}
