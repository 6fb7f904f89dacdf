import { LazyRegion } from '../ui/LazyRegion';
import { preloadable } from '../ui/preloadable';

// The conversation file menu and the hand-written turn form are not needed to type a message: their code loads
// once the Message box has painted (or is fetched ahead with the rest, see prefetchForSend.ts).
const conversationFileMenu = preloadable(() =>
  import('./ConversationFileMenu').then((module) => module.ConversationFileMenu),
);
const addMessageForm = preloadable(() => import('./AddMessageForm').then((module) => module.AddMessageForm));

/** Fetches both parts' code (once). */
export function loadConversationTools(): Promise<unknown> {
  return Promise.all([conversationFileMenu.preload(), addMessageForm.preload()]);
}

function LoadFailure({ what }: { what: string }) {
  return (
    <p role="alert" className="field-error">
      {what} could not be loaded: part of the app failed to load. Check your connection and reload the page.
    </p>
  );
}

/** "Export conversation" / "Import conversation", loaded after the first paint. */
export function LazyConversationFileMenu() {
  return (
    <LazyRegion
      placeholder={<section className="conversation-file" aria-busy="true" />}
      failure={<LoadFailure what="Export and import" />}
      region={conversationFileMenu}
    />
  );
}

/** "Add a turn by hand", loaded after the first paint. */
export function LazyAddMessageForm() {
  return (
    <LazyRegion
      placeholder={<div className="add-message" aria-busy="true" />}
      failure={<LoadFailure what="Adding a turn by hand" />}
      region={addMessageForm}
    />
  );
}
