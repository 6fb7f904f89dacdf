import { useId, useState, type ChangeEvent } from 'react';
import { usePlaygroundStore } from '../../store';
import type { ParsedConversation } from '../../store/conversationFile';
import { conversationFileLoadFailure, downloadConversationFile, loadConversationFile } from './conversationFileLoader';

interface PendingImport {
  fileName: string;
  conversation: ParsedConversation;
  /** applyConversation, from the module loaded to read the file. */
  apply: (conversation: ParsedConversation) => void;
}

function countText(count: number): string {
  return count === 1 ? '1 message' : `${count} messages`;
}

/** "Export conversation" (a JSON download, never the key) and "Import conversation" (validated, all or nothing). */
export function ConversationFileMenu() {
  const id = useId();
  const turnCount = usePlaygroundStore((state) => state.conversation.turns.length);
  const sending = usePlaygroundStore((state) => state.ui.sending);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [pending, setPending] = useState<PendingImport | null>(null);

  function finish(imported: PendingImport) {
    imported.apply(imported.conversation);
    setPending(null);
    setStatus(
      [
        `Imported ${countText(imported.conversation.turns.length)} and the settings from ${imported.fileName}.`,
        ...imported.conversation.notes,
      ].join(' '),
    );
  }

  async function onFileChosen(event: ChangeEvent<HTMLInputElement>) {
    const input = event.currentTarget;
    const file = input.files?.[0];
    input.value = ''; // choosing the same file again must work too
    setError(null);
    setStatus(null);
    setPending(null);
    if (!file) return;
    if (usePlaygroundStore.getState().ui.sending) {
      setError('Stop the reply before importing a conversation. Nothing was imported.');
      return;
    }
    let text: string;
    try {
      text = await file.text();
    } catch {
      setError(`${file.name} could not be read. Nothing was imported.`);
      return;
    }
    const conversationFile = await loadConversationFile().catch(() => null);
    if (!conversationFile) {
      setError(`${file.name} could not be imported. ${conversationFileLoadFailure}`);
      return;
    }
    const result = conversationFile.parseConversationFile(text, usePlaygroundStore.getState().settings);
    if (!result.ok) {
      setError(`${file.name}: ${result.message}`);
      return;
    }
    const imported = {
      fileName: file.name,
      conversation: result.conversation,
      apply: conversationFile.applyConversation,
    };
    // Replacing a conversation that has turns asks first: an import must not lose anything silently.
    if (usePlaygroundStore.getState().conversation.turns.length > 0) setPending(imported);
    else finish(imported);
  }

  return (
    <section className="conversation-file" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="visually-hidden">
        Conversation file
      </h3>
      <div className="button-row">
        <button
          type="button"
          onClick={() => void downloadConversationFile().then((failure) => failure && setError(failure))}
        >
          Export conversation
        </button>
        <div className="field">
          <label htmlFor={`${id}-import`}>Import conversation</label>
          <input
            id={`${id}-import`}
            type="file"
            accept=".json,application/json"
            disabled={sending}
            aria-describedby={error ? `${id}-error` : undefined}
            onChange={(event) => void onFileChosen(event)}
          />
        </div>
      </div>
      {pending && (
        <div className="import-confirmation" role="group" aria-labelledby={`${id}-confirm`}>
          <p id={`${id}-confirm`}>
            Replace the current conversation ({countText(turnCount)}) and settings with the{' '}
            {countText(pending.conversation.turns.length)} from {pending.fileName}?
          </p>
          <div className="button-row">
            <button type="button" className="button-danger" onClick={() => finish(pending)}>
              Replace conversation
            </button>
            <button type="button" onClick={() => setPending(null)}>
              Cancel import
            </button>
          </div>
        </div>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
      {status && (
        <p className="field-note status-success" role="status">
          {status}
        </p>
      )}
    </section>
  );
}
