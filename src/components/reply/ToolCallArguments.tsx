import { useEffect, useMemo, useState } from 'react';
import type { SchemaViolation } from '../../core/jsonSchema/validation';
import { argumentViolations, parseToolArguments, toolParametersSchema } from '../../core/toolArguments';

interface ToolCallArgumentsProps {
  name: string;
  text: string;
  /** Still streaming in: shown as it arrives, not judged yet. */
  live: boolean;
  /** The request that offered the tools (its `tools` hold the parameters schema). */
  offeredIn: Record<string, unknown>;
}

/** Schema violations of parsed arguments, checked once the validator has loaded; null until then. */
function useViolations(schema: Record<string, unknown> | null, value: unknown, ready: boolean) {
  const [result, setResult] = useState<{ for: unknown; violations: SchemaViolation[] } | null>(null);
  useEffect(() => {
    if (!ready || schema === null) return;
    let current = true;
    void argumentViolations(schema, value).then((violations) => {
      if (current) setResult({ for: value, violations });
    });
    return () => {
      current = false;
    };
  }, [schema, value, ready]);
  return result !== null && result.for === value ? result.violations : null;
}

/** A call's arguments: piece by piece while they stream, then pretty-printed, or what is wrong with them. */
export function ToolCallArguments({ name, text, live, offeredIn }: ToolCallArgumentsProps) {
  // One parse per text: the schema check below reruns only when the value really changes.
  const parsed = useMemo(() => (live ? null : parseToolArguments(text)), [live, text]);
  const schema = toolParametersSchema(offeredIn, name);
  const violations = useViolations(schema, parsed?.ok ? parsed.value : undefined, parsed?.ok === true);

  if (parsed === null) return <pre className="tool-call-arguments tool-call-arguments-live">{text}</pre>;
  if (!parsed.ok)
    return (
      <>
        <pre className="tool-call-arguments">{text}</pre>
        <p className="field-error">
          Arguments are not valid JSON (line {parsed.line}, column {parsed.column}): {parsed.message}
        </p>
      </>
    );
  return (
    <>
      <pre className="tool-call-arguments">{parsed.pretty}</pre>
      {violations !== null && violations.length > 0 && (
        <div className="tool-call-violations">
          <p className="field-error">The arguments do not match the parameters of {name}:</p>
          <ul aria-label={`Schema violations of ${name}`}>
            {violations.map((violation, index) => (
              <li key={index}>
                {violation.path === '' ? '' : <code>{violation.path}</code>} {violation.message}
              </li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}
