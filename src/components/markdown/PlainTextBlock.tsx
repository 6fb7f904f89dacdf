import { PlainChunks } from './PlainReply';

/**
 * A block shown as its plain text, with a short note saying why it was not rendered as Markdown; with
 * `onFormatAnyway` (the block was only too large) a button renders it as Markdown all the same.
 */
export function PlainTextBlock({
  text,
  note,
  onFormatAnyway,
}: {
  text: string;
  note: string;
  onFormatAnyway?: () => void;
}) {
  return (
    <div className="markdown-plain-block">
      <p className="markdown-plain-note" role="note">
        {note}
        {onFormatAnyway && (
          <button type="button" className="markdown-format-anyway" onClick={onFormatAnyway}>
            Format anyway
          </button>
        )}
      </p>
      <PlainChunks text={text} />
    </div>
  );
}

export const unsafeBlockNotes = {
  'too deeply nested': 'Shown as plain text: too deeply nested to render safely',
  'too many markers': 'Shown as plain text: too many emphasis or link markers to render safely',
} as const;

export const failedBlockNote = 'Shown as plain text: this part could not be rendered';
