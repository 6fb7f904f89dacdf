import { useId, useMemo } from 'react';
import { readAnswerSchema } from '../../core/jsonAnswer';
import { usePlaygroundStore } from '../../store';
import * as settingsActions from '../../store/settingsActions';
import { JsonProblemText } from './JsonProblemText';
import { useJsonSchemaChecker } from './useJsonSchemaChecker';
import { ViolationList } from './ViolationList';

/** How many schema problems are listed; the rest are counted. */
const listedProblems = 8;

/**
 * "Answer schema": a JSON Schema typed as JSON. The API has no json_schema format, so it is never sent; JSON answers
 * are checked against it here. Problems show inline: where the text is not JSON, or why it is not a schema.
 */
export function AnswerSchemaField() {
  const text = usePlaygroundStore((state) => state.settings.answerSchema);
  const reading = useMemo(() => readAnswerSchema(text), [text]);
  const checker = useJsonSchemaChecker(reading.kind === 'schema');
  const schemaProblems = useMemo(
    () =>
      reading.kind === 'schema' && checker.status === 'ready' ? checker.checker.schemaProblems(reading.schema) : [],
    [reading, checker],
  );
  const id = useId();
  const invalid = reading.kind === 'invalid-json' || schemaProblems.length > 0;

  return (
    <div className="answer-schema-field">
      <label htmlFor={`${id}-text`}>Answer schema (optional)</label>
      <textarea
        id={`${id}-text`}
        className="answer-schema-text"
        rows={5}
        spellCheck={false}
        value={text}
        placeholder='{"type": "object", "required": ["answer"]}'
        aria-invalid={invalid}
        aria-describedby={`${id}-hint ${id}-problems`}
        onChange={(event) => settingsActions.setAnswerSchema(event.target.value)}
      />
      <p id={`${id}-hint`} className="sidebar-hint">
        A JSON Schema the answer is checked against in your browser. It is never sent: the API has no json_schema
        format.
      </p>
      <div id={`${id}-problems`}>
        {reading.kind === 'invalid-json' && (
          <p className="sidebar-error">
            Not valid JSON — <JsonProblemText problem={reading.problem} />
          </p>
        )}
        {checker.status === 'failed' && reading.kind === 'schema' && (
          <p className="sidebar-error">The schema checker could not be loaded; reload the page to check the schema.</p>
        )}
        {schemaProblems.length > 0 && (
          <>
            <p className="sidebar-error">Not a usable JSON Schema:</p>
            <ViolationList
              violations={schemaProblems}
              limit={listedProblems}
              rootName="(schema)"
              className="sidebar-error answer-schema-problems"
            />
          </>
        )}
      </div>
    </div>
  );
}
