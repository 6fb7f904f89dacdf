import type { SchemaViolation } from '../../core/jsonSchema/validation';

interface ViolationListProps {
  violations: readonly SchemaViolation[];
  /** How many are listed; the rest are counted. */
  limit: number;
  /** What the empty path ("" = the checked value itself) is called. */
  rootName: string;
  className: string;
  label?: string;
}

/** Schema problems as a list: the JSON pointer of each, then what is wrong there. */
export function ViolationList({ violations, limit, rootName, className, label }: ViolationListProps) {
  return (
    <ul className={className} aria-label={label}>
      {violations.slice(0, limit).map((violation) => (
        <li key={`${violation.path}\u0000${violation.message}`}>
          <code>{violation.path === '' ? rootName : violation.path}</code> {violation.message}
        </li>
      ))}
      {violations.length > limit && <li>…and {violations.length - limit} more</li>}
    </ul>
  );
}
