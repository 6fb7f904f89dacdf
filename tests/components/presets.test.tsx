// Presets driven as a user would: one click applies a preset (checked in the request Send would send), and the
// current model and parameters can be saved under a name and deleted.
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { PresetPicker } from '../../src/components/library/PresetPicker';
import { resetPlayground, usePlaygroundStore } from '../../src/store';
import * as actions from '../../src/store/actions';
import * as settingsActions from '../../src/store/settingsActions';
import { selectRequestBody } from '../../src/store/selectors';

const body = () => selectRequestBody(usePlaygroundStore.getState());

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
  resetPlayground();
  actions.setDraft('Hello');
});

describe('built-in presets', () => {
  it('"Deterministic" sends temperature 0', async () => {
    const user = userEvent.setup();
    render(<PresetPicker />);
    await user.click(screen.getByRole('button', { name: 'Deterministic' }));
    expect(body().temperature).toBe(0);
    expect(screen.getByRole('status')).toHaveTextContent('Applied the preset “Deterministic”.');
  });

  it('"Creative" sends temperature 1 and top_p 0.95', async () => {
    const user = userEvent.setup();
    settingsActions.setModel('glm-4.5');
    render(<PresetPicker />);
    await user.click(screen.getByRole('button', { name: 'Creative' }));
    expect(body()).toMatchObject({ model: 'glm-4.5', temperature: 1, top_p: 0.95 });
  });

  it('"Thinking demo" switches to glm-4.7 with thinking and streaming on', async () => {
    const user = userEvent.setup();
    settingsActions.setModel('glm-4.5-air');
    settingsActions.setThinking(false);
    settingsActions.setStream(false);
    render(<PresetPicker />);
    await user.click(screen.getByRole('button', { name: 'Thinking demo' }));
    expect(body()).toEqual({
      model: 'glm-4.7',
      messages: [{ role: 'user', content: 'Hello' }],
      stream: true,
      thinking: { type: 'enabled' },
    });
  });
});

describe('saved presets', () => {
  it('saves the current model and parameters, applies them later in one click, and deletes them', async () => {
    const user = userEvent.setup();
    settingsActions.setModel('glm-4.5-air');
    settingsActions.setTemperature(0.25);
    settingsActions.setMaxTokens(777);
    render(<PresetPicker />);
    await user.type(screen.getByRole('textbox', { name: 'Preset name' }), 'Short and cool');
    await user.click(screen.getByRole('button', { name: 'Save preset' }));
    expect(screen.getByRole('status')).toHaveTextContent('Saved the preset “Short and cool”.');
    expect(screen.getByRole('textbox', { name: 'Preset name' })).toHaveValue('');

    settingsActions.setModel('glm-4.7');
    await user.click(screen.getByRole('button', { name: 'Short and cool' }));
    expect(body()).toMatchObject({ model: 'glm-4.5-air', temperature: 0.25, max_tokens: 777 });

    await user.click(screen.getByRole('button', { name: 'Delete preset Short and cool' }));
    expect(screen.queryByRole('button', { name: 'Short and cool' })).not.toBeInTheDocument();
  });

  it('asks for a name instead of saving a nameless preset', async () => {
    const user = userEvent.setup();
    render(<PresetPicker />);
    await user.click(screen.getByRole('button', { name: 'Save preset' }));
    expect(screen.getByRole('status')).toHaveTextContent('Give the preset a name first.');
    expect(usePlaygroundStore.getState().presets.saved).toEqual([]);
  });
});
