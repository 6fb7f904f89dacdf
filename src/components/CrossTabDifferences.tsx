import { usePlaygroundStore } from '../store';
import type { CrossTabConflict } from '../store/crossTab';
import { crossTabDifferences } from '../store/crossTabDifferences';

/** Both versions side by side, so the choice is made knowing what each tab holds. */
export function CrossTabDifferences({ conflict }: { conflict: CrossTabConflict }) {
  const conversation = usePlaygroundStore((state) => state.conversation);
  const settings = usePlaygroundStore((state) => state.settings);
  const differences = crossTabDifferences(conversation, settings, conflict);
  if (differences.length === 0) return null;
  return (
    <details className="cross-tab-differences">
      <summary>What differs</summary>
      <table>
        <thead>
          <tr>
            <th scope="col">Part</th>
            <th scope="col">This tab</th>
            <th scope="col">Other tab</th>
          </tr>
        </thead>
        <tbody>
          {differences.map((difference) => (
            <tr key={difference.part}>
              <th scope="row">{difference.part}</th>
              <td>{difference.here}</td>
              <td>{difference.there}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
