import './ui.css';
/** "Deleted …. Undo" while something just deleted can be brought back (message null: nothing to undo). */
export function UndoStatus({
  message,
  onUndo,
  className,
}: {
  message: string | null;
  onUndo: () => void;
  className: string;
}) {
  return (
    // The live region stays in the page so that the message is announced when it appears.
    <div role="status" className={className}>
      {message !== null && (
        <p className="undo-notice">
          <span>{message}</span>
          <button type="button" onClick={onUndo}>
            Undo
          </button>
        </p>
      )}
    </div>
  );
}
