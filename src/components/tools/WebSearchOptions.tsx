import { useId } from 'react';
import {
  contentSizeValues,
  resultSequenceValues,
  searchCountRange,
  searchEngines,
  searchRecencyValues,
} from '../../core/toolSettings';
import { searchEngineProblem } from '../../core/toolValidation';
import { clamp } from '../../core/request';
import { usePlaygroundStore } from '../../store';
import { setWebSearch } from '../../store/toolDefinitionActions';
import { FieldError } from './FieldError';
import { OptionalChoice } from './OptionalChoice';

const recencyLabels: Record<(typeof searchRecencyValues)[number], string> = {
  oneDay: 'Past day',
  oneWeek: 'Past week',
  oneMonth: 'Past month',
  oneYear: 'Past year',
  noLimit: 'No limit',
};

type TextOption = 'searchEngine' | 'searchDomainFilter' | 'searchPrompt' | 'searchQuery';

function countFrom(text: string): number | null {
  if (text.trim() === '') return null;
  return Math.round(clamp(Number(text), searchCountRange.min, searchCountRange.max));
}

/** web_search options; what is left empty or at "default" is not sent (docs/wire-format.md#web-search). */
export function WebSearchOptions() {
  const options = usePlaygroundStore((state) => state.settings.tools.webSearch);
  const id = useId();
  const engineProblem = searchEngineProblem(options.searchEngine);
  const text = (name: TextOption, label: string, value: string, placeholder?: string, list?: string) => (
    <div className="sidebar-field">
      <label htmlFor={`${id}-${name}`}>{label}</label>
      <input
        id={`${id}-${name}`}
        type="text"
        value={value}
        placeholder={placeholder}
        list={list}
        aria-invalid={name === 'searchEngine' && engineProblem !== null}
        aria-describedby={name === 'searchEngine' ? `${id}-engine-error` : undefined}
        onChange={(event) => setWebSearch({ [name]: event.target.value })}
      />
      {name === 'searchEngine' && <FieldError id={`${id}-engine-error`} message={engineProblem} />}
    </div>
  );
  return (
    <div className="tool-web-search-options" role="group" aria-label="Web search options">
      {text('searchEngine', 'Search engine', options.searchEngine, undefined, `${id}-engines`)}
      <datalist id={`${id}-engines`}>
        {searchEngines.map((engine) => (
          <option key={engine} value={engine} />
        ))}
      </datalist>
      <div className="sidebar-field">
        <label htmlFor={`${id}-count`}>Results (1–50)</label>
        <input
          id={`${id}-count`}
          type="number"
          min={searchCountRange.min}
          max={searchCountRange.max}
          step={1}
          placeholder="10 (default)"
          value={options.count ?? ''}
          onChange={(event) => setWebSearch({ count: countFrom(event.target.value) })}
        />
      </div>
      <OptionalChoice
        label="Recency"
        values={searchRecencyValues}
        labels={recencyLabels}
        value={options.searchRecencyFilter}
        onChange={(searchRecencyFilter) => setWebSearch({ searchRecencyFilter })}
      />
      {text('searchDomainFilter', 'Only this domain', options.searchDomainFilter, 'e.g. www.example.com')}
      <OptionalChoice
        label="Content size"
        values={contentSizeValues}
        value={options.contentSize}
        onChange={(contentSize) => setWebSearch({ contentSize })}
      />
      <OptionalChoice
        label="Results placed"
        values={resultSequenceValues}
        value={options.resultSequence}
        onChange={(resultSequence) => setWebSearch({ resultSequence })}
      />
      <label className="sidebar-check">
        <input
          type="checkbox"
          checked={options.searchResult}
          onChange={(event) => setWebSearch({ searchResult: event.target.checked })}
        />
        Return the search results
      </label>
      <label className="sidebar-check">
        <input
          type="checkbox"
          checked={options.requireSearch}
          onChange={(event) => setWebSearch({ requireSearch: event.target.checked })}
        />
        Always search
      </label>
      {text('searchQuery', 'Force this search query', options.searchQuery)}
      {text('searchPrompt', 'Search prompt', options.searchPrompt)}
    </div>
  );
}
