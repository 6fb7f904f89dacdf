import { describe, expect, it } from 'vitest';
import { findModel, modelCatalogue, modelInfo, type ModelInfo } from '../../src/core/models';

type Row = [
  id: string,
  thinking: ModelInfo['thinking'],
  effort: string | null,
  context: number,
  defaultOutput: number | null,
  maxOutput: number,
  price: [input: number, cached: number | null, output: number],
  vision: string,
  toolStream: ModelInfo['toolStream'],
];

// The reference table (docs/wire-format.md#models), one row per model.
const reference: Row[] = [
  ['glm-5.2', 'model-decides', 'max', 1_000_000, null, 131_072, [1.4, 0.26, 4.4], '', 'yes'],
  ['glm-5.1', 'model-decides', null, 200_000, 65_536, 131_072, [1.4, 0.26, 4.4], '', 'yes'],
  ['glm-5-turbo', 'model-decides', null, 200_000, 65_536, 131_072, [1.2, 0.24, 4.0], '', 'unconfirmed'],
  ['glm-5', 'model-decides', null, 200_000, 65_536, 131_072, [1.0, 0.2, 3.2], '', 'yes'],
  ['glm-4.7', 'always', null, 200_000, 65_536, 131_072, [0.6, 0.11, 2.2], '', 'yes'],
  ['glm-4.7-flashx', 'always', null, 200_000, null, 131_072, [0.07, 0.01, 0.4], '', 'unconfirmed'],
  ['glm-4.7-flash', 'always', null, 200_000, null, 131_072, [0, 0, 0], '', 'unconfirmed'],
  ['glm-4.6', 'model-decides', null, 200_000, 65_536, 131_072, [0.6, 0.11, 2.2], '', 'yes'],
  ['glm-4.5', 'model-decides', null, 128_000, 65_536, 98_304, [0.6, 0.11, 2.2], '', 'no'],
  ['glm-4.5-air', 'model-decides', null, 128_000, 65_536, 98_304, [0.2, 0.03, 1.1], '', 'no'],
  ['glm-4.5-x', 'model-decides', null, 128_000, 65_536, 98_304, [2.2, 0.45, 8.9], '', 'no'],
  ['glm-4.5-airx', 'model-decides', null, 128_000, 65_536, 98_304, [1.1, 0.22, 4.5], '', 'no'],
  ['glm-4.5-flash', 'model-decides', null, 128_000, 65_536, 98_304, [0, 0, 0], '', 'no'],
  ['glm-4-32b-0414-128k', 'none', null, 128_000, 16_384, 16_384, [0.1, null, 0.1], '', 'no'],
  ['glm-5v-turbo', 'model-decides', null, 200_000, null, 131_072, [1.2, 0.24, 4.0], 'image video file', 'unconfirmed'],
  ['glm-4.6v', 'model-decides', null, 128_000, null, 32_768, [0.3, 0.05, 0.9], 'image video file', 'no'],
  ['glm-4.6v-flashx', 'model-decides', null, 128_000, null, 32_768, [0.04, 0.004, 0.4], 'image video', 'no'],
  ['glm-4.6v-flash', 'model-decides', null, 128_000, null, 32_768, [0, 0, 0], 'image video', 'no'],
  ['glm-4.5v', 'always', null, 64_000, null, 16_384, [0.6, 0.11, 1.8], 'image video file', 'no'],
];

describe('model catalogue against the reference table', () => {
  it('holds exactly the confirmed models', () => {
    expect(modelCatalogue.map((model) => model.id).sort()).toEqual(reference.map(([id]) => id).sort());
  });

  for (const [id, thinking, effort, context, defaultOutput, maxOutput, price, vision, toolStream] of reference) {
    it(id, () => {
      const model = findModel(id);
      expect(model).toBeDefined();
      if (!model) return;
      expect(model.thinking).toBe(thinking);
      expect(model.reasoningEffort?.default ?? null).toBe(effort);
      expect(model.contextTokens).toBe(context);
      expect(model.defaultMaxTokens).toBe(defaultOutput);
      expect(model.maxOutputTokens).toBe(maxOutput);
      expect([model.price.input, model.price.cachedInput, model.price.output]).toEqual(price);
      expect(model.vision.join(' ')).toBe(vision);
      expect(model.toolStream).toBe(toolStream);
    });
  }

  it('offers the full GLM-5.2 effort list and marks all but high and max unconfirmed', () => {
    const effort = findModel('glm-5.2')?.reasoningEffort;
    expect(effort?.levels).toEqual(['max', 'xhigh', 'high', 'medium', 'low', 'minimal', 'none']);
    expect(effort?.confirmed).toEqual(['high', 'max']);
    expect(findModel('glm-5.2')?.unconfirmed).toMatch(/effort/);
  });

  it('notes what the reference leaves unconfirmed', () => {
    expect(findModel('glm-5-turbo')?.unconfirmed).toMatch(/thinking mode/);
    expect(findModel('glm-5v-turbo')?.unconfirmed).toMatch(/thinking mode/);
    expect(findModel('glm-4.5v')?.unconfirmed).toMatch(/context/);
    expect(findModel('glm-4.7')?.unconfirmed).toBeUndefined();
  });

  it('offers preserved thinking from GLM-4.7 on (text models)', () => {
    const preserving = modelCatalogue.filter((model) => model.preservedThinking).map((model) => model.id);
    expect(preserving.sort()).toEqual(
      ['glm-5.2', 'glm-5.1', 'glm-5-turbo', 'glm-5', 'glm-4.7', 'glm-4.7-flashx', 'glm-4.7-flash'].sort(),
    );
  });

  it('groups every model, legacy being the GLM-4.5 text family and glm-4-32b', () => {
    const legacy = modelCatalogue.filter((model) => model.group === 'legacy').map((model) => model.id);
    expect(legacy).toEqual([
      'glm-4.5',
      'glm-4.5-air',
      'glm-4.5-x',
      'glm-4.5-airx',
      'glm-4.5-flash',
      'glm-4-32b-0414-128k',
    ]);
    expect(modelCatalogue.filter((model) => model.group === 'vision').every((model) => model.vision.length > 0)).toBe(
      true,
    );
  });

  it('keeps unconfirmed models out of the catalogue but usable as custom ids', () => {
    expect(findModel('glm-5.3')).toBeUndefined();
    expect(modelInfo('glm-5.3').id).toBe('glm-5.3');
  });

  it('applies the limits the user set for a custom id', () => {
    const limits = { 'my-model': { contextTokens: 32_000, maxOutputTokens: 4_096 } };
    expect(modelInfo('My-Model ', limits)).toMatchObject({ contextTokens: 32_000, maxOutputTokens: 4_096 });
    expect(modelInfo('other', limits)).toMatchObject({ contextTokens: 128_000, maxOutputTokens: null });
  });
});
