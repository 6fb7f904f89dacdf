import { useMemo } from 'react';
import { describeJsonValue, diffJson, type JsonDiffEntry } from '../../core/jsonDiff';
import type { ChatRequestBody } from '../../core/request';
import { usePlaygroundStore } from '../../store';
import { selectRequestBody } from '../../store/selectors';
import './request.css';

const kindLabel: Record<JsonDiffEntry['kind'], string> = { added: 'Added', removed: 'Removed', changed: 'Changed' };

function DiffLine({ entry }: { entry: JsonDiffEntry }) {
  return (
    <li className={`diff-line diff-${entry.kind}`}>
      <span className="diff-kind">{kindLabel[entry.kind]}</span> <code className="diff-path">{entry.path}</code>
      {entry.kind === 'added' && (
        <>
          : <code>{describeJsonValue(entry.after)}</code>
        </>
      )}
      {entry.kind === 'removed' && (
        <>
          : <code>{describeJsonValue(entry.before)}</code>
        </>
      )}
      {entry.kind === 'changed' && (
        <>
          : <code>{describeJsonValue(entry.before)}</code> → <code>{describeJsonValue(entry.after)}</code>
        </>
      )}
    </li>
  );
}

/** What changed from a sent request's body (`before`) to the request Send would send now: path by path. */
export function RequestDiff({ before }: { before: ChatRequestBody }) {
  const current = usePlaygroundStore(selectRequestBody);
  const entries = useMemo(() => diffJson(before, current), [before, current]);
  if (entries.length === 0)
    return <p className="diff-summary">No differences: the current request is the same as this one.</p>;
  return (
    <>
      <p className="diff-summary">
        {entries.length === 1 ? '1 difference' : `${entries.length} differences`} from this request to the current one.
        “Added” is only in the current request, “Removed” only in this one.
      </p>
      <ul className="diff-list" aria-label="Differences">
        {entries.map((entry) => (
          <DiffLine key={`${entry.kind}-${entry.path}`} entry={entry} />
        ))}
      </ul>
    </>
  );
}
