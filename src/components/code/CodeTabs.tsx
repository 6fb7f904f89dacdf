import { useRef, type KeyboardEvent } from 'react';
import type { CodeLanguage } from '../../core/codegen';

interface CodeTabsProps {
  languages: readonly { id: CodeLanguage; label: string }[];
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
export function CodeTabs({ languages, selected, onSelect, idPrefix, panelId }: CodeTabsProps) {
  const listRef = useRef<HTMLDivElement>(null);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const current = languages.findIndex((language) => language.id === selected);
    const last = languages.length - 1;
    let next: number;
    if (event.key === 'ArrowRight') next = current >= last ? 0 : current + 1;
    else if (event.key === 'ArrowLeft') next = current <= 0 ? last : current - 1;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = last;
    else return;
    event.preventDefault();
    const language = languages[next];
    if (!language) return;
    onSelect(language.id);
    listRef.current?.ownerDocument.getElementById(tabId(idPrefix, language.id))?.focus();
  }

  return (
    <div ref={listRef} className="code-tabs" role="tablist" aria-label="Code language" onKeyDown={onKeyDown}>
      {languages.map((language) => {
        const isSelected = language.id === selected;
        return (
          <button
            key={language.id}
            id={tabId(idPrefix, language.id)}
            type="button"
            role="tab"
            className="code-tab"
            aria-selected={isSelected}
            aria-controls={panelId}
            tabIndex={isSelected ? 0 : -1}
            onClick={() => onSelect(language.id)}
          >
            {language.label}
          </button>
        );
      })}
    </div>
  );
}
