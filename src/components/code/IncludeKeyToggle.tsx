import { useId } from 'react';
import { apiKeyVariable } from '../../core/codegen/shared';

interface IncludeKeyToggleProps {
  checked: boolean;
  onChange: (checked: boolean) => void;
  /** False when no key is entered: the code then keeps reading the environment variable. */
  hasKey: boolean;
}

/** "Include my key": off by default; when on, a warning that stays visible as long as the key is in the code. */
export function IncludeKeyToggle({ checked, onChange, hasKey }: IncludeKeyToggleProps) {
  const id = useId();
  return (
    <div className="code-include-key">
      <label className="checkbox">
        <input
          type="checkbox"
          checked={checked}
          aria-describedby={`${id}-note`}
          onChange={(event) => onChange(event.target.checked)}
        />
        Include my key
      </label>
      <div id={`${id}-note`} aria-live="polite">
        {checked && hasKey && (
          <p className="code-key-warning">
            <strong>Warning:</strong> this code now contains your API key. Never share it, commit it or paste it
            anywhere public — anyone with the key can spend your balance.
          </p>
        )}
        {checked && !hasKey && (
          <p className="code-hint">
            No API key is entered, so the code still reads {apiKeyVariable} from the environment.
          </p>
        )}
        {!checked && (
          <p className="code-hint">The code reads your key from the {apiKeyVariable} environment variable.</p>
        )}
      </div>
    </div>
  );
}
