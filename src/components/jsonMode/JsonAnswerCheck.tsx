import { useId, useMemo, useState } from 'react';
import { readAnswerSchema, readJsonAnswer } from '../../core/jsonAnswer';
import { isRecord } from '../../core/json';
import type { SchemaViolation } from '../../core/jsonSchema/validation';
import { usePlaygroundStore } from '../../store';
import { selectTurn } from '../../store/selectors';
import type { PlaygroundState } from '../../store/types';
import { BlockErrorBoundary } from '../markdown/BlockErrorBoundary';
import { JsonProblemText } from './JsonProblemText';
import { JsonTree } from './JsonTree';
import { useJsonSchemaChecker, type CheckerState } from './useJsonSchemaChecker';
import { ViolationList } from './ViolationList';
import './jsonMode.css';

/** Violations listed; the rest are counted. */
const listedViolations = 50;

type SchemaVerdict =
  | { kind: 'none' | 'loading' | 'unusable-schema' | 'checker-failed' }
  | { kind: 'checked'; violations: SchemaViolation[] };

function schemaVerdict(schemaText: string, value: unknown, checker: CheckerState): SchemaVerdict {
  const schema = readAnswerSchema(schemaText);
  if (schema.kind === 'none') return { kind: 'none' };
  if (schema.kind === 'invalid-json') return { kind: 'unusable-schema' };
  if (checker.status !== 'ready') return { kind: checker.status === 'failed' ? 'checker-failed' : 'loading' };
  if (!isRecord(schema.schema) || checker.checker.schemaProblems(schema.schema).length > 0)
    return { kind: 'unusable-schema' };
  try {
    return { kind: 'checked', violations: checker.checker.violations(schema.schema, value) };
  } catch {
    // A value or schema too deep for the validator: say so rather than fail the reply.
    return {
      kind: 'checked',
      violations: [{ path: '', message: 'The answer could not be checked (too deeply nested).' }],
    };
  }
}

const verdictText = {
  none: 'No answer schema set.',
  loading: 'Checking against the answer schema…',
  'unusable-schema': 'The answer schema has problems (see Response format in the settings), so it was not checked.',
  'checker-failed': 'The schema checker could not be loaded; reload the page to check the answer.',
} as const;

function SchemaViolations({ verdict }: { verdict: SchemaVerdict }) {
  if (verdict.kind !== 'checked') return <span className="json-check-schema">{verdictText[verdict.kind]}</span>;
  const { violations } = verdict;
  if (violations.length === 0) return <span className="json-check-valid">Matches the answer schema.</span>;
  return (
    <>
      <span className="json-check-error">
        {violations.length === 1 ? '1 schema violation:' : `${violations.length} schema violations:`}
      </span>
      <ViolationList
        violations={violations}
        limit={listedViolations}
        rootName="(whole answer)"
        className="json-check-violations"
        label="Schema violations"
      />
    </>
  );
}

/** The JSON check of one answer: valid or where not, the schema verdict, and the "JSON tree" toggle. */
function JsonAnswerReport({ turnId }: { turnId: string }) {
  const answer = usePlaygroundStore((state) => selectTurn(state, turnId)?.content ?? '');
  const schemaText = usePlaygroundStore((state) => state.settings.answerSchema);
  const { fenced, reading } = useMemo(() => readJsonAnswer(answer), [answer]);
  const checker = useJsonSchemaChecker(reading.ok && schemaText.trim() !== '');
  const value = reading.ok ? reading.value : undefined;
  const verdict = useMemo(() => schemaVerdict(schemaText, value, checker), [schemaText, value, checker]);
  const [treeOpen, setTreeOpen] = useState(false);
  const treeId = useId();

  return (
    <section className="json-answer-check" aria-label="JSON check">
      {fenced && (
        <p className="json-check-note">The answer came inside a ```json code fence; the check reads what is inside.</p>
      )}
      {!reading.ok ? (
        <p className="json-check-error">
          Not valid JSON — <JsonProblemText problem={reading.problem} />
        </p>
      ) : (
        <>
          <div className="json-check-summary">
            <span className="json-check-valid">Valid JSON.</span> <SchemaViolations verdict={verdict} />
          </div>
          <button
            type="button"
            className="button-quiet json-tree-toggle"
            aria-expanded={treeOpen}
            aria-controls={treeId}
            onClick={() => setTreeOpen(!treeOpen)}
          >
            JSON tree
          </button>
          <div id={treeId} className="json-tree-scroll" hidden={!treeOpen}>
            {treeOpen && (
              <BlockErrorBoundary text={answer}>
                <JsonTree value={value} label="Answer as a JSON tree" />
              </BlockErrorBoundary>
            )}
          </div>
        </>
      )}
    </section>
  );
}

function isJsonModeReply(state: PlaygroundState, turnId: string): boolean {
  const reply = selectTurn(state, turnId)?.reply;
  const format: unknown = reply?.request.body.response_format;
  return reply?.status === 'complete' && isRecord(format) && format.type === 'json_object';
}

/** Under a completed reply whose request asked for a JSON object: the answer checked as JSON (and by the schema). */
export function JsonAnswerCheck({ turnId }: { turnId: string }) {
  const jsonMode = usePlaygroundStore((state) => isJsonModeReply(state, turnId));
  return jsonMode ? <JsonAnswerReport turnId={turnId} /> : null;
}
