import { useId, useMemo } from 'react';
import type { RequestJsonProblem } from '../../core/requestJson';
import type { FunctionToolProblems } from '../../core/toolValidation';
import { canRunMonaco } from '../code/monacoSupport';
import { LoadBoundary } from '../ui/LoadBoundary';
import { FieldError } from './FieldError';
import { preloadable } from '../ui/preloadable';

// The raw JSON editor's Monaco view, reused: loaded on first use, a plain textarea meanwhile (and in tests).
const RequestJsonMonaco = preloadable(() =>
  import('../request/RequestJsonMonaco').then((module) => module.default),
).Component;

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
      {canRunMonaco() ? (
        <LoadBoundary fallback={textarea}>
          <div className="tool-parameters-monaco">
            <RequestJsonMonaco
              text={text}
              problems={markers}
              readOnly={false}
              label={label}
              onChange={onChange}
              whileLoading={textarea}
            />
          </div>
        </LoadBoundary>
      ) : (
        textarea
      )}
      <FieldError id={`${id}-parameters-error`} message={problem ? describe(problem) : null} />
    </div>
  );
}
