import './conversation.css';
import { AddMessageForm } from './AddMessageForm';
import { Composer } from './Composer';
import { ConversationFileMenu } from './ConversationFileMenu';
import { DeletedTurnStatus } from './DeletedTurnStatus';
import { SystemPromptField } from './SystemPromptField';
import { Transcript } from './Transcript';

/** The middle area: system prompt, the transcript, hand-written turns and the composer. */
export function ConversationPanel() {
  return (
    <div className="conversation-panel">
      <SystemPromptField />
      <ConversationFileMenu />
      <Transcript />
      <DeletedTurnStatus />
      <AddMessageForm />
      <Composer />
    </div>
  );
}
