import { memo } from 'react';
import { textChunks, tooLargeToFormatNote } from '../../core/renderLimits';

// One text node per chunk, memoised on its text: while a huge reply grows only the last chunk changes, and the
// browser lays out only the chunks on screen (content-visibility in markdown.css).
const PlainChunk = memo(function PlainChunk({ text }: { text: string }) {
  return <span className="markdown-plain-chunk">{text}</span>;
});

/** Plain text in chunks. */
export function PlainChunks({ text }: { text: string }) {
  return (
    <pre className="markdown-plain-text markdown-plain-reply">
      {textChunks(text).map((chunk, index) => (
        <PlainChunk key={index} text={chunk} />
      ))}
    </pre>
  );
}

/** The note beside text shown plain because the reply is too large, with "Format anyway". */
export function TooLargeNote({ characters, onFormatAnyway }: { characters: number; onFormatAnyway: () => void }) {
  return (
    <p className="markdown-plain-note" role="note">
      {tooLargeToFormatNote(characters)}
      <button type="button" className="markdown-format-anyway" onClick={onFormatAnyway}>
        Format anyway
      </button>
    </p>
  );
}

/** A whole reply too large to format, as plain text in chunks, with the note and "Format anyway". */
export function PlainReply({
  text,
  streaming,
  onFormatAnyway,
}: {
  text: string;
  streaming: boolean;
  onFormatAnyway: () => void;
}) {
  return (
    <div className="reply-markdown markdown-plain-block" aria-busy={streaming}>
      <TooLargeNote characters={text.length} onFormatAnyway={onFormatAnyway} />
      <PlainChunks text={text} />
    </div>
  );
}
