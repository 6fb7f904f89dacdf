import type { TunableParameter } from '../../core/request';
import { usePlaygroundStore } from '../../store';
import * as settingsActions from '../../store/settingsActions';

/** What the last model switch changed in this pinned value ("Max tokens lowered to 16,384: …"), until dismissed. */
export function ClampNote({ parameter }: { parameter: TunableParameter }) {
  const note = usePlaygroundStore((state) => state.ui.clampNotes[parameter]);
  return (
    <div role="status" className="clamp-note-status">
      {note && (
        <p className="sidebar-note clamp-note">
          <span>{note}</span>
          <button
            type="button"
            className="button-quiet"
            aria-label={`Dismiss: ${note}`}
            onClick={() => settingsActions.dismissClampNote(parameter)}
          >
            Dismiss
          </button>
        </p>
      )}
    </div>
  );
}
