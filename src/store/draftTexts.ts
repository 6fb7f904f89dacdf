// Long pasted texts attached to the draft (core/messageContent.ts): attaching a paste, removing it, putting it back
// into the Message box, and the user turn the draft becomes on Send.
import { hasMessageText, messageContent, type AttachedText } from '../core/messageContent';
import { handWrittenTurn } from './conversationSlice';
import { newId } from './ids';
import { usePlaygroundStore } from './index';
import type { ConversationState, Turn } from './types';

const set = usePlaygroundStore.setState.bind(usePlaygroundStore);

function updateDraftTexts(update: (texts: AttachedText[]) => AttachedText[]): void {
  set((state) => ({
    conversation: { ...state.conversation, draftTexts: update(state.conversation.draftTexts ?? []) },
  }));
}

/** Attaches a long pasted text to the draft, after the ones already attached; returns it. */
export function attachPastedText(text: string): AttachedText {
  const attached = { id: newId('text'), text };
  updateDraftTexts((texts) => [...texts, attached]);
  return attached;
}

export function removeDraftText(id: string): void {
  updateDraftTexts((texts) => texts.filter((item) => item.id !== id));
}

/** "Edit as text": the attached text goes into the Message box, before what is typed there (a blank line between). */
export function editDraftTextAsText(id: string): void {
  set((state) => {
    const texts = state.conversation.draftTexts ?? [];
    const item = texts.find((candidate) => candidate.id === id);
    if (!item) return {};
    const { draft } = state.conversation;
    return {
      conversation: {
        ...state.conversation,
        // Before the typed text, as it is sent: with one attached text the message stays the same.
        draft: messageContent(draft, [item]),
        draftTexts: texts.filter((candidate) => candidate.id !== id),
      },
    };
  });
}

/** The user turn Send adds for the draft (its attached texts, typed text and images); null when there is none. */
export function draftTurn({ draft, draftImages = [], draftTexts = [] }: ConversationState): Turn | null {
  if (!hasMessageText(draft, draftTexts) && draftImages.length === 0) return null;
  const turn = handWrittenTurn('user', messageContent(draft, draftTexts));
  if (draftImages.length > 0) turn.images = draftImages;
  return turn;
}
