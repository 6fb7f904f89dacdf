import { useRef, type KeyboardEvent } from 'react';
import type { CodeLanguage, CodeTarget } from '../../core/codegen';

interface CodeTabsProps {
  targets: readonly CodeTarget[];
  selected: CodeLanguage;
  onSelect: (language: CodeLanguage) => void;
  /** Prefix for the tab ids (tabId() gives the same ids to the panel). */
  idPrefix: string;
  panelId: string;
}

export function tabId(idPrefix: string, language: CodeLanguage): string {
  return `${idPrefix}-tab-${language}`;
}

/**
 * The language tabs (WAI-ARIA tabs pattern): one tab stop, Left/Right (wrapping), Home and End move between tabs
 * and select them.
 */
export function CodeTabs({ targets, selected, onSelect, idPrefix, panelId }: CodeTabsProps) {
  const listRef = useRef<HTMLDivElement>(null);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const current = targets.findIndex((target) => target.language === selected);
    const last = targets.length - 1;
    let next: number;
    if (event.key === 'ArrowRight') next = current >= last ? 0 : current + 1;
    else if (event.key === 'ArrowLeft') next = current <= 0 ? last : current - 1;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = last;
    else return;
    event.preventDefault();
    const target = targets[next];
    if (!target) return;
    onSelect(target.language);
    listRef.current?.ownerDocument.getElementById(tabId(idPrefix, target.language))?.focus();
  }

  return (
    <div ref={listRef} className="code-tabs" role="tablist" aria-label="Code language" onKeyDown={onKeyDown}>
      {targets.map((target) => {
        const isSelected = target.language === selected;
        return (
          <button
            key={target.language}
            id={tabId(idPrefix, target.language)}
            type="button"
            role="tab"
            className="code-tab"
            aria-selected={isSelected}
            aria-controls={panelId}
            tabIndex={isSelected ? 0 : -1}
            onClick={() => onSelect(target.language)}
          >
            {target.label}
          </button>
        );
      })}
    </div>
  );
}
