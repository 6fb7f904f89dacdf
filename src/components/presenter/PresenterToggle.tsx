import { usePlaygroundStore } from '../../store';
import { setPresenterView } from '../../store/thinkingActions';

/** "Presenter view" on/off: a pressed button in the header (and in the presenter view itself, to leave it). */
export function PresenterToggle() {
  const on = usePlaygroundStore((state) => state.preferences.presenterView);
  return (
    <button type="button" className="presenter-toggle" aria-pressed={on} onClick={() => setPresenterView(!on)}>
      Presenter view
    </button>
  );
}
