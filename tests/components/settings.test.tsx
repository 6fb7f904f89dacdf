// The settings sidebar's model and parameter controls, driven as a user would (by role and accessible name).
import { act, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { SettingsSidebar } from '../../src/components/settings/SettingsSidebar';
import { resetPlayground, usePlaygroundStore } from '../../src/store';
import * as actions from '../../src/store/actions';
import { selectRequestBody } from '../../src/store/selectors';
import { modelCatalogue } from '../../src/core/models';
import { chooseModel, requestBody } from './sidebarHelpers';

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
  resetPlayground();
});

describe('model switch', () => {
  it('applies the new model defaults and clamps max tokens to its maximum', async () => {
    const user = userEvent.setup();
    render(<SettingsSidebar />);
    const maxTokens = screen.getByRole('spinbutton', { name: 'Max tokens' });
    await user.clear(maxTokens);
    await user.type(maxTokens, '100000');
    expect(usePlaygroundStore.getState().settings.maxTokens).toBe(100000);

    await chooseModel(user, 'glm-4-32b-0414-128k');
    expect(maxTokens).toHaveValue(16384);
    expect(screen.getByRole('slider', { name: 'Temperature' })).toHaveValue('0.75');
    expect(screen.getByRole('slider', { name: 'Top P' })).toHaveValue('0.9');
    expect(screen.getByText(/Context 128K · max output 16,384/)).toBeInTheDocument();

    await user.clear(maxTokens);
    await user.type(maxTokens, '20000');
    expect(screen.getByText('Clamped to 16384')).toBeInTheDocument();
    expect(usePlaygroundStore.getState().settings.maxTokens).toBe(16384);
    await user.tab();
    expect(maxTokens).toHaveValue(16384);
  });

  it('Thinking switches the request between enabled and disabled', async () => {
    const user = userEvent.setup();
    render(<SettingsSidebar />);
    const thinking = screen.getByRole('switch', { name: 'Thinking' });
    expect(thinking).toBeChecked();
    expect(requestBody()).toMatchObject({ thinking: { type: 'enabled' } });
    await user.click(thinking);
    expect(thinking).not.toBeChecked();
    expect(requestBody()).toMatchObject({ thinking: { type: 'disabled' } });
  });

  it('disables Thinking with an explanation on glm-4-32b-0414-128k and re-enables it on a thinking model', async () => {
    const user = userEvent.setup();
    render(<SettingsSidebar />);
    const thinking = screen.getByRole('switch', { name: 'Thinking' });
    expect(thinking).toBeEnabled();

    await chooseModel(user, 'glm-4-32b-0414-128k');
    expect(thinking).toBeDisabled();
    expect(thinking).not.toBeChecked();
    expect(thinking).toHaveAccessibleDescription('This model has no thinking mode');
    expect(screen.getByText('This model has no thinking mode')).toBeVisible();
    expect(requestBody()).not.toHaveProperty('thinking');
    expect(screen.queryByRole('checkbox', { name: 'Preserve reasoning' })).not.toBeInTheDocument();

    await chooseModel(user, 'glm-4.7');
    expect(thinking).toBeEnabled();
    expect(thinking).toHaveAccessibleDescription('On: the model reasons before every answer.');
    expect(requestBody()).toHaveProperty('thinking.type');
  });

  it('offers "Preserve reasoning" only on models with preserved thinking, and it changes the request', async () => {
    const user = userEvent.setup();
    render(<SettingsSidebar />);
    await user.click(screen.getByRole('checkbox', { name: 'Preserve reasoning' }));
    expect(requestBody()).toMatchObject({ thinking: { type: 'enabled', clear_thinking: false } });

    await chooseModel(user, 'glm-4.5');
    expect(screen.queryByRole('checkbox', { name: 'Preserve reasoning' })).not.toBeInTheDocument();
    expect(requestBody()).toMatchObject({ thinking: { type: 'enabled' } });
    expect(requestBody()).not.toHaveProperty('thinking.clear_thinking');
  });

  it('accepts a custom model id and says its limits are the user’s to set', async () => {
    const user = userEvent.setup();
    render(<SettingsSidebar />);
    await chooseModel(user, 'my-local-model');
    expect(usePlaygroundStore.getState().settings.model).toBe('my-local-model');
    expect(screen.getByText(/custom model: limits are yours to set/)).toBeInTheDocument();
    expect(requestBody()).toMatchObject({ model: 'my-local-model' });
  });

  it('suggests every catalogue model', () => {
    render(<SettingsSidebar />);
    const model = screen.getByRole('combobox', { name: 'Model' });
    const listId = model.getAttribute('list') ?? '';
    const options = Array.from(document.getElementById(listId)?.querySelectorAll('option') ?? []);
    expect(options.map((option) => option.value)).toEqual(modelCatalogue.map((entry) => entry.id));
  });

  it('shows the catalogue context, maximum output and price under the picker', () => {
    render(<SettingsSidebar />);
    expect(screen.getByRole('combobox', { name: 'Model' })).toHaveAccessibleDescription(
      'Context 200K · max output 131,072 · $0.60 in / $0.11 cached / $2.20 out per 1M tokens',
    );
  });
});

describe('temperature and top P', () => {
  it('clamps temperature to [0, 1] with a visible note, and keeps slider and number in step', async () => {
    const user = userEvent.setup();
    render(<SettingsSidebar />);
    const number = screen.getByRole('spinbutton', { name: 'Temperature value' });
    await user.clear(number);
    await user.type(number, '1.5');
    expect(screen.getByText('Clamped to 1')).toBeVisible();
    expect(usePlaygroundStore.getState().settings.temperature).toBe(1);
    expect(screen.getByRole('slider', { name: 'Temperature' })).toHaveValue('1');

    await user.clear(number);
    await user.type(number, '-0.2');
    expect(screen.getByText('Clamped to 0')).toBeVisible();
    expect(usePlaygroundStore.getState().settings.temperature).toBe(0);
    await user.tab();
    expect(number).toHaveValue(0);

    await user.clear(number);
    await user.type(number, '0.3');
    expect(screen.queryByText(/Clamped to/)).not.toBeInTheDocument();
    expect(usePlaygroundStore.getState().settings.temperature).toBe(0.3);
  });

  it('clamps top P to [0.01, 1] with a visible note', async () => {
    const user = userEvent.setup();
    render(<SettingsSidebar />);
    const number = screen.getByRole('spinbutton', { name: 'Top P value' });
    await user.clear(number);
    await user.type(number, '0');
    expect(screen.getByText('Clamped to 0.01')).toBeVisible();
    expect(usePlaygroundStore.getState().settings.topP).toBe(0.01);
    await user.tab();
    expect(number).toHaveValue(0.01);
    expect(screen.getByRole('slider', { name: 'Top P' })).toHaveValue('0.01');

    await user.clear(number);
    await user.type(number, '7');
    expect(screen.getByText('Clamped to 1')).toBeVisible();
    expect(usePlaygroundStore.getState().settings.topP).toBe(1);
  });

  it('moving the slider updates the number and drops an old clamp note', async () => {
    const user = userEvent.setup();
    render(<SettingsSidebar />);
    const number = screen.getByRole('spinbutton', { name: 'Temperature value' });
    await user.clear(number);
    await user.type(number, '3');
    expect(screen.getByText('Clamped to 1')).toBeInTheDocument();
    // jsdom does not move range inputs by keyboard or pointer; a change event is what the browser sends.
    fireEvent.change(screen.getByRole('slider', { name: 'Temperature' }), { target: { value: '0.42' } });
    expect(number).toHaveValue(0.42);
    expect(usePlaygroundStore.getState().settings.temperature).toBe(0.42);
    expect(screen.queryByText('Clamped to 1')).not.toBeInTheDocument();
  });
});

describe('Request preview', () => {
  it('shows exactly the body Send would send, leaving defaults out', () => {
    actions.setDraft('Hello there');
    render(<SettingsSidebar />);
    const body = requestBody();
    expect(body).toEqual(JSON.parse(JSON.stringify(selectRequestBody(usePlaygroundStore.getState()))));
    expect(body).toEqual({
      model: 'glm-4.7',
      messages: [{ role: 'user', content: 'Hello there' }],
      stream: true,
      thinking: { type: 'enabled' },
    });
    const temperatureHint = screen.getByRole('slider', { name: 'Temperature' });
    expect(temperatureHint).toHaveAccessibleDescription('default — not sent');
  });

  it('sends a pinned parameter even at its default, and a changed one without a pin', async () => {
    const user = userEvent.setup();
    render(<SettingsSidebar />);
    await user.click(screen.getByRole('checkbox', { name: 'Always send temperature' }));
    expect(requestBody()).toMatchObject({ temperature: 1 });
    expect(screen.getByRole('slider', { name: 'Temperature' })).toHaveAccessibleDescription('pinned — always sent');
    expect(requestBody()).not.toHaveProperty('top_p');

    const topP = screen.getByRole('spinbutton', { name: 'Top P value' });
    await user.clear(topP);
    await user.type(topP, '0.5');
    expect(requestBody()).toMatchObject({ top_p: 0.5 });
    expect(screen.getByRole('slider', { name: 'Top P' })).toHaveAccessibleDescription('sent (model default 0.95)');

    await user.click(screen.getByRole('checkbox', { name: 'Always send temperature' }));
    expect(requestBody()).not.toHaveProperty('temperature');
  });

  it('pins max tokens and leaves out stream when Stream is off', async () => {
    const user = userEvent.setup();
    render(<SettingsSidebar />);
    const stream = screen.getByRole('checkbox', { name: 'Stream' });
    expect(stream).toBeChecked();
    await user.click(stream);
    expect(requestBody()).not.toHaveProperty('stream');
    expect(requestBody()).not.toHaveProperty('max_tokens');
    await user.click(screen.getByRole('checkbox', { name: 'Always send max tokens' }));
    expect(requestBody()).toMatchObject({ max_tokens: 65536 });
  });

  it('holds still while a reply streams and catches up when it ends', () => {
    render(<SettingsSidebar />);
    act(() => {
      usePlaygroundStore.setState((state) => ({ ui: { ...state.ui, sending: true } }));
    });
    act(() => actions.setDraft('typed while streaming'));
    expect(requestBody()).toMatchObject({ messages: [] });
    expect(screen.getByText(/the preview updates when it ends/)).toBeInTheDocument();
    act(() => {
      usePlaygroundStore.setState((state) => ({ ui: { ...state.ui, sending: false } }));
    });
    expect(requestBody()).toMatchObject({ messages: [{ role: 'user', content: 'typed while streaming' }] });
  });
});
