import './conversation.css';
import { Composer } from './Composer';
import { DeletedTurnStatus } from './DeletedTurnStatus';
import { LazyAddMessageForm, LazyConversationFileMenu } from './LazyConversationTools';
import { prefetchForSend } from './prefetchForSend';
import { SystemPromptField } from './SystemPromptField';
import { Transcript } from './Transcript';

/** The middle area: system prompt, the transcript, hand-written turns and the composer. */
export function ConversationPanel() {
  return (
    // Focus anywhere here (the Message box first of all) means a request is being written: fetch what its reply needs.
    <div className="conversation-panel" onFocus={prefetchForSend}>
      <SystemPromptField />
      <LazyConversationFileMenu />
      <Transcript />
      <DeletedTurnStatus />
      <LazyAddMessageForm />
      <Composer />
    </div>
  );
}
