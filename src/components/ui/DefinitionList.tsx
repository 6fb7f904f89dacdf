/** Term and value pairs, each pair wrapped in a div so it can be laid out as one row. */
export function DefinitionList({
  rows,
  className,
  label,
}: {
  rows: readonly (readonly [string, string])[];
  className?: string;
  label?: string;
}) {
  return (
    <dl className={className} aria-label={label}>
      {rows.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
