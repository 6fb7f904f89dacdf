import { memo } from 'react';
import { plainTextChunkCharacters, textChunks, tooLargeToFormatNote } from '../../core/renderLimits';

// One text node per chunk, memoised on its text: while a huge reply grows only the last chunk changes, and the
// browser lays out only the chunks on screen (content-visibility in markdown.css).
const PlainChunk = memo(function PlainChunk({ text }: { text: string }) {
  return <span className="markdown-plain-chunk">{text}</span>;
});

/** Plain text in chunks; `offset`: where `text` starts in the reply (chunks keep their place as it moves on). */
export function PlainChunks({ text, offset = 0 }: { text: string; offset?: number }) {
  const first = Math.floor(offset / plainTextChunkCharacters);
  return (
    <pre className="markdown-plain-text">
      {textChunks(text, plainTextChunkCharacters, offset).map((chunk, index) => (
        <PlainChunk key={first + index} text={chunk} />
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
