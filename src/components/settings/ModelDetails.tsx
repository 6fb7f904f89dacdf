import { isCatalogued, type ModelInfo } from '../../core/models';
import { DefinitionList } from '../ui/DefinitionList';
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
      <DefinitionList label="Model details" rows={rows} />
    </details>
  );
}
