interface PaneToggleHeadingProps {
  /** The heading level: the main panes are h2, a compare column's are h4. */
  level: 'h2' | 'h4';
  /** Prefix of the toggle's id (`-toggle`) and of the body it controls (`-body`). */
  id: string;
  expanded: boolean;
  onToggle: () => void;
  children: string;
}

/** A pane title that is also the button expanding and collapsing the pane's body. */
export function PaneToggleHeading({ level: Heading, id, expanded, onToggle, children }: PaneToggleHeadingProps) {
  return (
    <Heading className="pane-title">
      <button
        type="button"
        id={`${id}-toggle`}
        className="pane-toggle"
        aria-expanded={expanded}
        aria-controls={`${id}-body`}
        onClick={onToggle}
      >
        {children}
      </button>
    </Heading>
  );
}
