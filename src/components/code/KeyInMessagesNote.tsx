import { redactedKeyText } from '../../core/redaction';

interface KeyInMessagesNoteProps {
  /** True: the code keeps the key where it appears in the messages. */
  keep: boolean;
  onChange: (keep: boolean) => void;
}

/** Shown when the API key appears inside the request (a pasted message): it is redacted unless the user opts in. */
export function KeyInMessagesNote({ keep, onChange }: KeyInMessagesNoteProps) {
  return (
    <div className="code-key-in-messages" role="status">
      <p className={keep ? 'code-key-warning' : 'code-hint'}>
        {keep
          ? 'Your API key appears in your messages and is kept in this code. Never share it.'
          : `An API key in your messages was replaced by “${redactedKeyText}”.`}
      </p>
      <label className="checkbox">
        <input type="checkbox" checked={keep} onChange={(event) => onChange(event.target.checked)} />
        Keep the key in the messages
      </label>
    </div>
  );
}
