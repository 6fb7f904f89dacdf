import type { FunctionToolDefinition } from '../../core/toolSettings';
import { removeTool, updateTool } from '../../store/toolDefinitionActions';

interface ToolListItemProps {
  tool: FunctionToolDefinition;
  hasProblems: boolean;
  editing: boolean;
  onEdit: () => void;
}

/** One row: send it or not, its name, Edit (opens the editor) and Remove. */
export function ToolListItem({ tool, hasProblems, editing, onEdit }: ToolListItemProps) {
  const name = tool.name === '' ? 'Unnamed tool' : tool.name;
  return (
    <div className="tool-row">
      <label className="sidebar-check tool-row-name">
        <input
          type="checkbox"
          checked={tool.enabled}
          aria-label={`Send ${name}`}
          onChange={(event) => updateTool(tool.id, { enabled: event.target.checked })}
        />
        <span className={tool.enabled ? undefined : 'tool-row-off'}>{name}</span>
      </label>
      {hasProblems && <span className="tool-row-problem">Needs fixing</span>}
      <button type="button" aria-expanded={editing} aria-label={`Edit ${name}`} onClick={onEdit}>
        Edit
      </button>
      <button type="button" aria-label={`Remove ${name}`} onClick={() => removeTool(tool.id)}>
        Remove
      </button>
    </div>
  );
}
