import type { Notice } from '../store';
import { dismissNotice } from '../store/actions';

/** The button that removes one notice; its accessible name repeats the notice so several can be told apart. */
export function DismissNoticeButton({ notice }: { notice: Notice }) {
  return (
    <button
      type="button"
      className="button-quiet"
      onClick={() => dismissNotice(notice.id)}
      aria-label={`Dismiss: ${notice.text}`}
    >
      Dismiss
    </button>
  );
}
