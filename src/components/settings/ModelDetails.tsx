import { isCatalogued, type ModelInfo } from '../../core/models';
import {
  describeEffort,
  describeOutput,
  describePrice,
  describeThinking,
  describeVision,
  tokens,
} from './modelDescription';

/** Everything the catalogue says about the selected model, with what the vendor leaves unconfirmed. */
export function ModelDetails({ model }: { model: ModelInfo }) {
  const catalogued = isCatalogued(model.id);
  const rows: [string, string][] = [
    ['Context', `${tokens(model.contextTokens)} tokens`],
    ['Output', describeOutput(model)],
    ['Thinking', describeThinking(model)],
    ['Reasoning effort', describeEffort(model)],
    ['Input', describeVision(model)],
    ['Tool streaming', model.toolStream],
    ['Price', catalogued ? describePrice(model) : 'unknown'],
  ];
  if (model.unconfirmed) rows.push(['Unconfirmed', model.unconfirmed]);
  return (
    <details className="model-details">
      <summary>Model details</summary>
      <dl aria-label="Model details">
        {rows.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
