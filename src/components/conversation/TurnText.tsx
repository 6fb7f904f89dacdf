import { useId, useMemo, useState, useTransition } from 'react';
import { markdownPreview } from '../../core/markdownPreview';
import type { TurnRole } from '../../core/request';
import { textPreview } from '../../core/textPreview';
import { LazyReplyMarkdown } from '../reply/LazyText';

/** Past this many lines (or characters, for long wrapped paragraphs) a turn shows clamped with "Show more". */
const clampLines = 12;
const clampCharacters = 900;

/** A clamped turn renders only its start (the rest is hidden anyway): a long reply is not parsed whole for twelve lines. */
const previewLimits = { maxLines: clampLines, maxCharacters: 2 * clampCharacters };

function isLong(text: string): boolean {
  // The length first: splitting a reply of megabytes into lines would cost more than showing its start.
  return text.length > clampCharacters || text.split('\n').length > clampLines;
}

/**
 * The text of a finished turn: assistant turns as Markdown (the same safe renderer as the Reply area), user turns
 * as typed, line breaks kept. The answer often starts with "\n" (docs/wire-format.md#streamed-response), so
 * leading blank lines are not shown.
 */
export function TurnText({ role, text }: { role: TurnRole; text: string }) {
  const [expanded, setExpanded] = useState(false);
  // Rendering all of a long reply can take a while: the button answers at once, the text follows.
  const [, startTransition] = useTransition();
  const id = useId();
  const shown = text.replace(/^\s*\n/, '').trimEnd();
  const long = isLong(shown);
  const clamped = long && !expanded;
  // An assistant turn's start takes the definitions from its end along: its footnotes and links still resolve.
  const rendered = useMemo(() => {
    if (!clamped) return shown;
    return role === 'assistant' ? markdownPreview(shown, previewLimits) : textPreview(shown, previewLimits);
  }, [clamped, role, shown]);
  return (
    <>
      <div id={`${id}-text`} className={`turn-text turn-text-${role}${clamped ? ' turn-text-clamped' : ''}`}>
        {role === 'assistant' ? (
          <LazyReplyMarkdown text={rendered} streaming={false} />
        ) : (
          <div className="turn-plain">{rendered}</div>
        )}
      </div>
      {long && (
        <button
          type="button"
          className="button-quiet turn-more"
          aria-expanded={expanded}
          aria-controls={`${id}-text`}
          onClick={() => startTransition(() => setExpanded(!expanded))}
        >
          {expanded ? 'Show less' : 'Show more'}
        </button>
      )}
    </>
  );
}
