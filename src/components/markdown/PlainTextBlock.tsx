/** A block shown as its plain text, with a short note saying why it was not rendered as Markdown. */
export function PlainTextBlock({ text, note }: { text: string; note: string }) {
  return (
    <div className="markdown-plain-block">
      <p className="markdown-plain-note" role="note">
        {note}
      </p>
      <pre className="markdown-plain-text">{text}</pre>
    </div>
  );
}

export const unsafeBlockNotes = {
  'too deeply nested': 'Shown as plain text: too deeply nested to render safely',
  'too many markers': 'Shown as plain text: too many emphasis or link markers to render safely',
} as const;

export const failedBlockNote = 'Shown as plain text: this part could not be rendered';
