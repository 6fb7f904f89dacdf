import { useId } from 'react';
import { usePlaygroundStore } from '../../store';
import * as settingsActions from '../../store/settingsActions';

/** The optional system message, sent first. */
export function SystemPromptField() {
  const systemPrompt = usePlaygroundStore((state) => state.settings.systemPrompt);
  const id = useId();
  return (
    <div className="field system-prompt">
      <label htmlFor={id}>System prompt</label>
      <textarea
        id={id}
        rows={2}
        value={systemPrompt}
        aria-describedby={`${id}-hint`}
        placeholder="e.g. You are a concise assistant."
        onChange={(event) => settingsActions.setSystemPrompt(event.target.value)}
      />
      <p id={`${id}-hint`} className="hint">
        Sent first as the system message; leave empty to send none.
      </p>
    </div>
  );
}
