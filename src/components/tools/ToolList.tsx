import { usePlaygroundStore } from '../../store';
import { selectToolProblems } from '../../store/toolDefinitionSelectors';
import { ToolEditor } from './ToolEditor';
import { ToolListItem } from './ToolListItem';

interface ToolListProps {
  editingId: string | null;
  onEdit: (id: string | null) => void;
}

/** The function tools, each with its switch, name, Edit and Remove; the one being edited opens below its row. */
export function ToolList({ editingId, onEdit }: ToolListProps) {
  const functions = usePlaygroundStore((state) => state.settings.tools.functions);
  const problems = usePlaygroundStore(selectToolProblems);
  if (functions.length === 0)
    return <p className="sidebar-hint">No function tools yet: add one, or start from an example.</p>;
  return (
    <>
      {problems.list && (
        <p className="sidebar-error" role="alert">
          {problems.list}
        </p>
      )}
      <ul className="tool-list" aria-label="Function tools">
        {functions.map((tool) => (
          <li key={tool.id} className="tool-list-entry">
            <ToolListItem
              tool={tool}
              hasProblems={Object.values(problems.byTool[tool.id] ?? {}).some((problem) => problem !== null)}
              editing={editingId === tool.id}
              onEdit={() => onEdit(editingId === tool.id ? null : tool.id)}
            />
            {editingId === tool.id && (
              <ToolEditor tool={tool} problems={problems.byTool[tool.id]} onDone={() => onEdit(null)} />
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
