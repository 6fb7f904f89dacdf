import type { JsonTextProblem } from '../../core/jsonAnswer';

/** "line 3, column 17: message", with the offending line below it. */
export function JsonProblemText({ problem }: { problem: JsonTextProblem }) {
  return (
    <>
      line {problem.line}, column {problem.column}: {problem.message}
      {problem.excerpt.trim() !== '' && <code className="json-problem-excerpt">{problem.excerpt}</code>}
    </>
  );
}
