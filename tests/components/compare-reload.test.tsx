// Compare mode survives a reload: open, its columns and their settings, and the last replies — a reply that was still
// arriving comes back interrupted with what had arrived. Each "reload" loads fresh copies of the modules, which read
// the state the previous copy saved, as a page reload would.
import { act, render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { startMetrics } from '../../src/core/metrics';
import { salvageCompare } from '../../src/store/compareSalvage';
import { persistName } from '../../src/store/persistence';
import { savedStateLoaded } from './helpers';

async function loadApp() {
  vi.resetModules();
  const store = await import('../../src/store');
  await savedStateLoaded(store);
  const compareActions = await import('../../src/store/compareActions');
  const { CompareView } = await import('../../src/components/compare/CompareView');
  return { store, compareActions, CompareView };
}

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});

describe('Compare after a reload', () => {
  it('comes back open with its columns, their settings, and a reply in flight marked interrupted', async () => {
    const before = await loadApp();
    act(() => {
      before.compareActions.openCompare();
      const [first, second] = before.store.usePlaygroundStore.getState().compare.columns;
      if (!first || !second) throw new Error('Compare opens with two columns');
      before.compareActions.setColumnTemperature(second.id, 0.2);
      // The first column was streaming when the page went away.
      const request = { baseUrl: 'https://api.z.ai/api/paas/v4', body: { model: 'glm-4.7', messages: [] } };
      before.store.usePlaygroundStore.setState((state) => ({
        compare: {
          ...state.compare,
          columns: state.compare.columns.map((column) =>
            column.id === first.id
              ? {
                  ...column,
                  result: {
                    content: 'Half an ans',
                    reasoning: 'Some thought',
                    reply: {
                      status: 'streaming',
                      request,
                      error: null,
                      finishReason: null,
                      usage: null,
                      metrics: { ...startMetrics(Date.now()), phase: 'answer' },
                      warnings: [],
                      retry: null,
                    },
                  },
                }
              : column,
          ),
        },
      }));
      before.store.flushSavedState();
    });
    expect(localStorage.getItem(persistName)).toContain('"compare"');

    const after = await loadApp();
    expect(after.store.usePlaygroundStore.getState().compare.open).toBe(true);
    render(<after.CompareView />);
    const first = screen.getByRole('region', { name: 'Compare column 1 — glm-4.7, thinking on' });
    const second = screen.getByRole('region', { name: 'Compare column 2 — glm-4.7, thinking off' });
    expect(within(second).getByRole('spinbutton', { name: 'Temperature' })).toHaveValue(0.2);
    expect(within(first).getByText('Half an ans')).toBeInTheDocument();
    expect(within(within(first).getByRole('region', { name: 'Reply' })).getByRole('status')).toHaveTextContent(
      /^interrupted/,
    );
    expect(within(first).queryByRole('button', { name: 'Stop column 1' })).not.toBeInTheDocument();
  });

  it('a closed Compare stays closed, and keeps its columns for next time', async () => {
    const before = await loadApp();
    act(() => {
      before.compareActions.openCompare();
      before.compareActions.addCompareColumn();
      before.compareActions.closeCompare();
      before.store.flushSavedState();
    });
    const after = await loadApp();
    const { compare } = after.store.usePlaygroundStore.getState();
    expect(compare.open).toBe(false);
    expect(compare.columns).toHaveLength(3);
  });
});

describe('salvageCompare', () => {
  const settings = { model: 'glm-4.7', thinking: true, stream: true, temperature: 1, topP: 0.95, maxTokens: 1000 };

  it('drops a column it cannot read and keeps the others', () => {
    const saved = {
      open: true,
      columns: [
        { id: 'a', settings, result: null },
        { id: 'b', settings: { ...settings, maxTokens: -3 }, result: null },
        { id: 'c', settings: { ...settings, thinking: false }, result: null },
      ],
      run: null,
    };
    expect(salvageCompare(saved)?.columns.map((column) => column.id)).toEqual(['a', 'c']);
  });

  it('starts afresh with fewer than two readable columns, and reads a state saved before Compare was kept', () => {
    expect(salvageCompare({ open: true, columns: [{ id: 'a', settings, result: null }] })?.columns).toEqual([]);
    expect(salvageCompare(undefined)).toEqual({ open: false, columns: [], run: null });
  });
});
