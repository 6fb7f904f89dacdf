import { useState } from 'react';
import { isRecord } from '../../core/json';

/** Children shown per branch before a "Show more" button; each press shows this many more. */
export const jsonTreePageSize = 100;
/** Deeper branches are not drawn (a pathological answer must not exhaust the stack). */
const maxDepth = 64;
/** Longer strings are cut in the tree (the Markdown view has the whole answer). */
const maxStringShown = 400;

type Container = Record<string, unknown> | unknown[];

function isContainer(value: unknown): value is Container {
  return Array.isArray(value) || isRecord(value);
}

function childCount(value: Container): number {
  return Array.isArray(value) ? value.length : Object.keys(value).length;
}

function children(value: Container, count: number): [string, unknown][] {
  if (Array.isArray(value)) return value.slice(0, count).map((child, index) => [String(index), child]);
  return Object.keys(value)
    .slice(0, count)
    .map((key) => [key, value[key]]);
}

function JsonScalar({ value }: { value: unknown }) {
  if (typeof value === 'string') {
    const shown = value.length > maxStringShown ? `${value.slice(0, maxStringShown)}…` : value;
    return <span className="json-string">{JSON.stringify(shown)}</span>;
  }
  if (typeof value === 'number') return <span className="json-number">{String(value)}</span>;
  if (typeof value === 'boolean') return <span className="json-boolean">{String(value)}</span>;
  return <span className="json-null">null</span>;
}

interface JsonNodeProps {
  /** The key or index; null for the root. */
  name: string | null;
  value: unknown;
  depth: number;
}

function JsonKey({ name }: { name: string | null }) {
  if (name === null) return null;
  return (
    <>
      <span className="json-key">{name}</span>
      {': '}
    </>
  );
}

function JsonBranch({ name, value, depth }: JsonNodeProps & { value: Container }) {
  const [open, setOpen] = useState(depth === 0);
  const [shown, setShown] = useState(jsonTreePageSize);
  const count = childCount(value);
  const array = Array.isArray(value);
  const size = array ? `[${count} ${count === 1 ? 'item' : 'items'}]` : `{${count} ${count === 1 ? 'key' : 'keys'}}`;
  if (depth >= maxDepth)
    return (
      <>
        <JsonKey name={name} />
        <span className="json-more">{size}: nested too deep to show here</span>
      </>
    );
  const rest = count - shown;
  return (
    <>
      <button type="button" className="json-branch" aria-expanded={open} onClick={() => setOpen(!open)}>
        <JsonKey name={name} />
        <span className="json-size">{size}</span>
      </button>
      {open && count > 0 && (
        <ul role="group">
          {children(value, shown).map(([key, child]) => (
            <JsonNode key={key} name={key} value={child} depth={depth + 1} />
          ))}
          {rest > 0 && (
            <li>
              <button
                type="button"
                className="button-quiet json-more"
                onClick={() => setShown(shown + jsonTreePageSize)}
              >
                {rest} more — show {Math.min(rest, jsonTreePageSize)}
              </button>
            </li>
          )}
        </ul>
      )}
    </>
  );
}

function JsonNode({ name, value, depth }: JsonNodeProps) {
  return (
    <li className="json-node">
      {isContainer(value) ? (
        <JsonBranch name={name} value={value} depth={depth} />
      ) : (
        <>
          <JsonKey name={name} />
          <JsonScalar value={value} />
        </>
      )}
    </li>
  );
}

/**
 * A JSON value as a collapsible tree: each object or array is a button (aria-expanded) over its children, which are
 * drawn only while open, at most a page at a time, so a huge answer costs what is on screen.
 */
export function JsonTree({ value, label }: { value: unknown; label: string }) {
  return (
    <ul className="json-tree" aria-label={label}>
      <JsonNode name={null} value={value} depth={0} />
    </ul>
  );
}
