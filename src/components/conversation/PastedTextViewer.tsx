import { useId, useMemo } from 'react';
import { attachedTextSummary, type AttachedText } from '../../core/messageContent';
import { shownPart } from '../../core/textPreview';
import { CopyButton } from '../ui/CopyButton';
import { ModalDialog } from '../ui/ModalDialog';

interface PastedTextViewerProps {
  item: AttachedText;
  /** Its name, as its chip says it ("Pasted text", "Pasted text 2"). */
  name: string;
  onClose: () => void;
}

/**
 * An attached text, read-only: its start in plain text (megabytes would take seconds to lay out), with its full
 * size stated; Copy takes all of it.
 */
export function PastedTextViewer({ item, name, onClose }: PastedTextViewerProps) {
  const shown = useMemo(() => shownPart(item.text), [item]);
  const id = useId();
  return (
    <ModalDialog title={name} onClose={onClose} closeButton className="pasted-text-dialog" describedBy={`${id}-size`}>
      <p id={`${id}-size`} className="hint">
        {attachedTextSummary(item)}
      </p>
      {shown.note && (
        <p className="hint" role="note">
          {shown.note}: Copy takes the whole text.
        </p>
      )}
      <CopyButton
        text={item.text}
        className="pasted-text-copy"
        copiedMessage="Pasted text copied to the clipboard."
        failedMessage="The browser blocked the clipboard. Select the text and press Ctrl+C (⌘C on a Mac)."
      />
      <pre className="pasted-text-view" tabIndex={0} aria-label={`${name} text`}>
        {shown.text}
      </pre>
    </ModalDialog>
  );
}
