import { useId, useMemo } from 'react';
import type { RequestJsonProblem } from '../../core/requestJson';
import type { FunctionToolProblems } from '../../core/toolValidation';
import { JsonTextEditor } from '../request/JsonTextEditor';
import { FieldError } from './FieldError';

const label = 'Parameters (JSON Schema)';

interface ToolParametersEditorProps {
  text: string;
  problem: FunctionToolProblems['parameters'];
  onChange: (text: string) => void;
}

function describe(problem: NonNullable<FunctionToolProblems['parameters']>): string {
  return problem.line === undefined
    ? problem.message
    : `Line ${problem.line}, column ${problem.column}: ${problem.message}`;
}

/** The tool's parameters schema as JSON text, with its problem marked in the text and written below it. */
export function ToolParametersEditor({ text, problem, onChange }: ToolParametersEditorProps) {
  const id = useId();
  const markers = useMemo<RequestJsonProblem[]>(
    () => (problem ? [{ path: '', message: problem.message, line: problem.line, column: problem.column }] : []),
    [problem],
  );
  const textarea = (
    <textarea
      id={`${id}-parameters`}
      className="tool-parameters-textarea"
      rows={8}
      spellCheck={false}
      value={text}
      aria-invalid={problem !== null}
      aria-describedby={`${id}-parameters-error`}
      onChange={(event) => onChange(event.target.value)}
    />
  );
  return (
    <div className="sidebar-field">
      <label htmlFor={`${id}-parameters`} id={`${id}-parameters-label`}>
        {label}
      </label>
      {/* The raw JSON editor's view, reused: Monaco where it runs, a plain textarea meanwhile (and in tests). */}
      <div className="tool-parameters-monaco">
        <JsonTextEditor
          text={text}
          problems={markers}
          readOnly={false}
          label={label}
          onChange={onChange}
          textarea={textarea}
        />
      </div>
      <FieldError id={`${id}-parameters-error`} message={problem ? describe(problem) : null} />
    </div>
  );
}
