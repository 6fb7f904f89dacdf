import { useEffect, useState, type ClipboardEvent } from 'react';
import { attachedTextSummary, isLongPaste, type AttachedText } from '../../core/messageContent';
import { sizeLabel } from '../../core/jsonLimits';
import { usePlaygroundStore } from '../../store';
import { attachPastedText, editDraftTextAsText, removeDraftText } from '../../store/draftTexts';
import { LoadBoundary } from '../ui/LoadBoundary';
import { preloadable } from '../ui/preloadable';
import './pastedTexts.css';

// The viewer (View) is not needed to type a message: its code loads once a text is attached.
const pastedTextViewer = preloadable(() => import('./PastedTextViewer').then((module) => module.PastedTextViewer));
export const loadPastedTextViewer = pastedTextViewer.preload;

const noTexts: readonly AttachedText[] = [];

/** What the chips say of themselves, and the attached text it speaks of (null: an action, such as Remove). */
interface Announcement {
  text: string;
  aboutTextId: string | null;
}

/** What the chips say of themselves, announced as it happens (a paste, "Edit as text"). */
export function usePastedTexts() {
  const [announcement, setAnnouncement] = useState<Announcement>({ text: '', aboutTextId: null });
  /** A long paste becomes an attached text instead of going into the box; shorter ones go in as usual. */
  function takeLongPaste(event: ClipboardEvent<HTMLTextAreaElement>): void {
    if (event.defaultPrevented) return;
    const text = event.clipboardData.getData('text/plain');
    if (!isLongPaste(text)) return;
    event.preventDefault();
    const attached = attachPastedText(text);
    setAnnouncement({
      text: `The pasted text (${attachedTextSummary(attached)}) is attached to the message: View, Edit as text or Remove it below the box.`,
      aboutTextId: attached.id,
    });
  }
  return { announcement, setAnnouncement, takeLongPaste };
}

interface PastedTextsProps {
  announcement: Announcement;
  setAnnouncement: (announcement: Announcement) => void;
  /** Where the keyboard goes when a chip leaves (Remove, Edit as text). */
  focusMessage: () => void;
}

function chipName(index: number, count: number): string {
  return count > 1 ? `Pasted text ${index + 1}` : 'Pasted text';
}

/**
 * The draft's attached texts (long pastes), one chip each: "Pasted text · 4.0 MB · 61,234 lines" with View,
 * Edit as text and Remove. They are sent before the typed text (core/messageContent.ts).
 */
export function PastedTexts({ announcement, setAnnouncement, focusMessage }: PastedTextsProps) {
  const texts = usePlaygroundStore((state) => state.conversation.draftTexts ?? noTexts);
  const [viewedId, setViewedId] = useState<string | null>(null);
  const viewedIndex = texts.findIndex((item) => item.id === viewedId);
  const viewed = texts[viewedIndex];
  const hasTexts = texts.length > 0;
  useEffect(() => {
    if (hasTexts) void loadPastedTextViewer().catch(() => undefined);
  }, [hasTexts]);

  function editAsText(item: AttachedText): void {
    editDraftTextAsText(item.id);
    setAnnouncement({
      text: `The pasted text is in the Message box now. A text of ${sizeLabel(item.text.length)} in the box can make typing slow.`,
      aboutTextId: null,
    });
    focusMessage();
  }

  function remove(item: AttachedText, name: string): void {
    removeDraftText(item.id);
    setAnnouncement({ text: `${name} removed.`, aboutTextId: null });
    focusMessage();
  }

  return (
    <div className="pasted-texts">
      {texts.length > 0 && (
        <ul className="image-list pasted-text-list" aria-label="Attached texts">
          {texts.map((item, index) => {
            const name = chipName(index, texts.length);
            const lowerName = name.toLowerCase();
            return (
              <li key={item.id} className="pasted-text-chip">
                <span>
                  {name} · {attachedTextSummary(item)}
                </span>
                <button type="button" aria-label={`View ${lowerName}`} onClick={() => setViewedId(item.id)}>
                  View
                </button>
                <button type="button" aria-label={`Edit ${lowerName} as text`} onClick={() => editAsText(item)}>
                  Edit as text
                </button>
                <button type="button" aria-label={`Remove ${lowerName}`} onClick={() => remove(item, name)}>
                  Remove
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {/* Only while there is something to say: the Message box's other statuses stay the only ones otherwise. What
          was said of an attached text goes with it (sent with the message, or the draft cleared). */}
      {announcement.text !== '' &&
        (announcement.aboutTextId === null || texts.some((item) => item.id === announcement.aboutTextId)) && (
          <p className="hint" role="status" aria-live="polite">
            {announcement.text}
          </p>
        )}
      {viewed && (
        <LoadBoundary
          fallback={
            <p role="alert" className="hint">
              The pasted text cannot be shown: part of the app failed to load. Check your connection and reload the
              page.
            </p>
          }
        >
          <pastedTextViewer.Component
            item={viewed}
            name={chipName(viewedIndex, texts.length)}
            onClose={() => setViewedId(null)}
          />
        </LoadBoundary>
      )}
    </div>
  );
}
