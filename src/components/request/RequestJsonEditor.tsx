import { useId, useMemo, useState } from 'react';
import type { ChatRequestBody } from '../../core/request';
import type { RequestJsonProblem } from '../../core/requestJson';
import { usePlaygroundStore } from '../../store';
import { discardRequestJsonEdit, editRequestJson } from '../../store/importActions';
import { selectRequestBody } from '../../store/selectors';
import { JsonTextEditor } from './JsonTextEditor';
import './request.css';

const label = 'Request body (JSON)';
const noProblems: readonly RequestJsonProblem[] = [];

function pretty(body: ChatRequestBody | null): string | null {
  return body === null ? null : JSON.stringify(body, null, 2);
}

function describe(problem: RequestJsonProblem): string {
  return `${problem.line === undefined ? '' : `Line ${problem.line}: `}${problem.message}`;
}

/**
 * The "Request JSON" editor: the full request body, editable, two-way with the form. Valid edits apply at once (model,
 * parameters, thinking, stream, system prompt, turns; unknown fields are kept and sent as written); problems are
 * marked in the text and listed here, and block Send until fixed or discarded. Monaco loads on first use.
 */
export function RequestJsonEditor() {
  const liveBody = usePlaygroundStore((state) => (state.ui.sending ? null : selectRequestBody(state)));
  const draft = usePlaygroundStore((state) => state.ui.requestJsonDraft);
  const liveText = useMemo(() => pretty(liveBody), [liveBody]);
  const [text, setText] = useState(() => draft?.text ?? liveText ?? '');
  // The body the text was last in step with: when the form changes the body, the text follows (unless it holds an
  // unfinished edit); the tab's own edits do not rewrite what is being typed.
  const [syncedText, setSyncedText] = useState(liveText);
  if (liveText !== null && liveText !== syncedText) {
    setSyncedText(liveText);
    if (!draft) setText(liveText);
  }
  const id = useId();
  const problems = draft?.problems ?? noProblems;
  const readOnly = liveText === null;

  function onChange(next: string) {
    setText(next);
    const result = editRequestJson(next);
    if (result.ok) setSyncedText(pretty(selectRequestBody(usePlaygroundStore.getState())));
  }

  function discard() {
    discardRequestJsonEdit();
    if (liveText !== null) setText(liveText);
  }

  const textarea = (
    <textarea
      className="request-json-textarea"
      aria-label={label}
      aria-invalid={problems.length > 0}
      aria-describedby={`${id}-hint`}
      spellCheck={false}
      readOnly={readOnly}
      rows={16}
      value={text}
      onChange={(event) => onChange(event.target.value)}
    />
  );

  return (
    <div className="request-json-editor">
      <JsonTextEditor
        text={text}
        problems={problems}
        readOnly={readOnly}
        label={label}
        onChange={onChange}
        textarea={textarea}
      />
      {problems.length > 0 && (
        <div className="request-json-problems" role="alert">
          <p>The JSON is not applied yet, and Send waits until it is fixed:</p>
          <ul>
            {problems.map((problem, index) => (
              <li key={`${index}-${problem.path}`}>{describe(problem)}</li>
            ))}
          </ul>
          <button type="button" onClick={discard}>
            Discard JSON edits
          </button>
        </div>
      )}
      <p id={`${id}-hint`} className="sidebar-hint">
        {readOnly
          ? 'A reply is on its way; the JSON can be edited when it ends.'
          : 'Edits apply to the form as you type. Fields the form has no control for (stop, request_id…) are sent as written.'}
      </p>
    </div>
  );
}
