import './settings.css';
import { useId } from 'react';
import { usePlaygroundStore } from '../../store';
import { setReasoningExpansion, setReasoningFormat } from '../../store/thinkingActions';
import { SidebarSection } from '../ui/SidebarSection';

/** The "Reasoning display" settings group: collapse after thinking or stay expanded; plain text or Markdown. */
export function ReasoningPreferences({ defaultExpanded = true }: { defaultExpanded?: boolean }) {
  const expansion = usePlaygroundStore((state) => state.preferences.reasoningExpansion);
  const format = usePlaygroundStore((state) => state.preferences.reasoningFormat);
  const name = useId();

  return (
    <SidebarSection
      title="Reasoning display"
      sectionKey="reasoning-display"
      defaultOpen={defaultExpanded}
      className="reasoning-preferences"
    >
      <fieldset className="preference-group">
        <legend>When thinking ends</legend>
        <label className="sidebar-check">
          <input
            type="radio"
            name={`${name}-expansion`}
            checked={expansion === 'collapse-after-thinking'}
            onChange={() => setReasoningExpansion('collapse-after-thinking')}
          />
          Collapse after thinking
        </label>
        <label className="sidebar-check">
          <input
            type="radio"
            name={`${name}-expansion`}
            checked={expansion === 'always-expanded'}
            onChange={() => setReasoningExpansion('always-expanded')}
          />
          Always expanded
        </label>
        <p className="sidebar-hint">In a wide window the reasoning has its own column and stays open.</p>
      </fieldset>
      <fieldset className="preference-group">
        <legend>Show reasoning as</legend>
        <label className="sidebar-check">
          <input
            type="radio"
            name={`${name}-format`}
            checked={format === 'plain'}
            onChange={() => setReasoningFormat('plain')}
          />
          Plain text
        </label>
        <label className="sidebar-check">
          <input
            type="radio"
            name={`${name}-format`}
            checked={format === 'markdown'}
            onChange={() => setReasoningFormat('markdown')}
          />
          Render reasoning as Markdown
        </label>
      </fieldset>
    </SidebarSection>
  );
}
