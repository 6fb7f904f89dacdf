import { useId } from 'react';
import { usePlaygroundStore } from '../../store';
import { setWebSearch } from '../../store/toolDefinitionActions';
import { settingsModel } from '../../core/request';
import { takesWebSearch } from '../../core/toolBody';
import { WebSearchOptions } from './WebSearchOptions';

/** "Web search": the built-in web_search tool (billed per use), with its options while it is on. */
export function WebSearchSettings() {
  const enabled = usePlaygroundStore((state) => state.settings.tools.webSearch.enabled);
  const visionModelId = usePlaygroundStore((state) => {
    const model = settingsModel(state.settings);
    return takesWebSearch(model) ? null : model.id;
  });
  const id = useId();
  return (
    <div className="sidebar-field tool-web-search">
      <label className="sidebar-check sidebar-switch">
        <input
          type="checkbox"
          role="switch"
          checked={enabled}
          disabled={visionModelId !== null}
          aria-describedby={`${id}-hint`}
          onChange={(event) => setWebSearch({ enabled: event.target.checked })}
        />
        Web search
      </label>
      <p id={`${id}-hint`} className="sidebar-hint">
        {visionModelId !== null
          ? `Not sent: ${visionModelId} is a vision model, and their requests take function tools only.`
          : enabled
            ? 'The model may search the web before answering (about USD 0.01 per search).'
            : 'Off: no web_search tool is sent.'}
      </p>
      {enabled && visionModelId === null && <WebSearchOptions />}
    </div>
  );
}
