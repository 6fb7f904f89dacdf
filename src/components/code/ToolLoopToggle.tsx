import { useId } from 'react';
import { functionToolNames, toolLoopOption, writesToolLoop } from '../../core/codegen/toolLoop';
import type { ChatRequestBody } from '../../core/request';

interface ToolLoopToggleProps {
  checked: boolean;
  onChange: (checked: boolean) => void;
  body: ChatRequestBody;
  library: string;
}

/**
 * "Tool loop example": shown only when the request declares function tools; off by default, so the export stays
 * the request itself. Libraries that cannot write the loop keep the box, disabled, with a hint naming those that can.
 */
export function ToolLoopToggle({ checked, onChange, body, library }: ToolLoopToggleProps) {
  const id = useId();
  if (functionToolNames(body).length === 0) return null;
  const available = writesToolLoop(library, body);
  return (
    <div className="code-tool-loop">
      <label className="checkbox" title={toolLoopOption.description}>
        <input
          type="checkbox"
          checked={checked && available}
          disabled={!available}
          aria-describedby={`${id}-note`}
          onChange={(event) => onChange(event.target.checked)}
        />
        {toolLoopOption.label}
      </label>
      <p id={`${id}-note`} className="code-hint">
        {available ? toolLoopOption.description : toolLoopOption.unavailableHint}
      </p>
    </div>
  );
}
