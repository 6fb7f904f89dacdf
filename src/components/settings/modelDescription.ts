// Words for what the catalogue says about a model, shared by the model picker's summary and details.
import { isCatalogued, type ModelInfo } from '../../core/models';
import { formatInteger } from '../../core/numberFormat';

export function tokens(count: number): string {
  if (count >= 1_000_000 && count % 1_000_000 === 0) return `${count / 1_000_000}M`;
  return count >= 1000 && count % 1000 === 0 ? `${count / 1000}K` : formatInteger(count);
}

function usd(amount: number): string {
  return `$${amount.toFixed(amount !== 0 && amount < 0.01 ? 3 : 2)}`;
}

export function describePrice(model: ModelInfo): string {
  const { input, cachedInput, output } = model.price;
  if (input === 0 && output === 0) return 'free';
  const cached = cachedInput === null ? '' : ` / ${usd(cachedInput)} cached`;
  return `${usd(input)} in${cached} / ${usd(output)} out per 1M tokens`;
}

/** One line about the model's limits and price, as the catalogue states them. */
export function describeModel(model: ModelInfo): string {
  const context = `Context ${tokens(model.contextTokens)}`;
  const output =
    model.maxOutputTokens === null ? 'max output not published' : `max output ${formatInteger(model.maxOutputTokens)}`;
  if (!isCatalogued(model.id)) return `custom model: limits are yours to set · ${context} · ${output}`;
  return `${context} · ${output} · ${describePrice(model)}`;
}

export function describeThinking(model: ModelInfo): string {
  switch (model.thinking) {
    case 'none':
      return 'none (never sent)';
    case 'required':
      return 'cannot be switched off';
    case 'always':
      return 'can be switched off; always reasons when on';
    case 'model-decides':
      return 'can be switched off; the model decides when to reason';
  }
}

export function describeOutput(model: ModelInfo): string {
  const fallback =
    model.defaultMaxTokens === null ? 'none documented (not sent)' : formatInteger(model.defaultMaxTokens);
  const maximum = model.maxOutputTokens === null ? 'not published' : formatInteger(model.maxOutputTokens);
  return `default ${fallback}, maximum ${maximum}`;
}

export function describeEffort(model: ModelInfo): string {
  const effort = model.reasoningEffort;
  if (!effort) return 'not taken';
  return effort.levels.map((level) => (level === effort.default ? `${level} (default)` : level)).join(', ');
}

export function describeVision(model: ModelInfo): string {
  return model.vision.length === 0 ? 'text only' : model.vision.join(', ');
}
