import { useId } from 'react';
import type { FunctionToolDefinition } from '../../core/toolSettings';
import type { FunctionToolProblems } from '../../core/toolValidation';
import { updateTool } from '../../store/toolDefinitionActions';
import { FieldError } from './FieldError';
import { ToolParametersEditor } from './ToolParametersEditor';

interface ToolEditorProps {
  tool: FunctionToolDefinition;
  /** Undefined while the tool is off: a tool that is not sent is not checked. */
  problems: FunctionToolProblems | undefined;
  onDone: () => void;
}

/** Name, Description and Parameters of one function tool, each with its problem right below it. */
export function ToolEditor({ tool, problems, onDone }: ToolEditorProps) {
  const id = useId();
  const label = tool.name === '' ? 'the new tool' : tool.name;
  return (
    <div className="tool-editor" role="group" aria-label={`Edit ${label}`}>
      <div className="sidebar-field">
        <label htmlFor={`${id}-name`}>Name</label>
        <input
          id={`${id}-name`}
          type="text"
          value={tool.name}
          spellCheck={false}
          autoComplete="off"
          aria-invalid={Boolean(problems?.name)}
          aria-describedby={`${id}-name-error`}
          onChange={(event) => updateTool(tool.id, { name: event.target.value })}
        />
        <FieldError id={`${id}-name-error`} message={problems?.name ?? null} />
      </div>
      <div className="sidebar-field">
        <label htmlFor={`${id}-description`}>Description</label>
        <textarea
          id={`${id}-description`}
          rows={3}
          value={tool.description}
          aria-invalid={Boolean(problems?.description)}
          aria-describedby={`${id}-description-error`}
          onChange={(event) => updateTool(tool.id, { description: event.target.value })}
        />
        <FieldError id={`${id}-description-error`} message={problems?.description ?? null} />
      </div>
      <ToolParametersEditor
        text={tool.parameters}
        problem={problems?.parameters ?? null}
        onChange={(parameters) => updateTool(tool.id, { parameters })}
      />
      {!tool.enabled && <p className="sidebar-hint">This tool is off: it is not sent, nor checked.</p>}
      <button type="button" onClick={onDone}>
        Done
      </button>
    </div>
  );
}
