// Model-specific controls in the settings sidebar: reasoning effort, the grouped catalogue, custom model limits.
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { SettingsSidebar } from '../../src/components/settings/SettingsSidebar';
import { resetPlayground } from '../../src/store';

function requestBody(): Record<string, unknown> {
  const region = screen.getByRole('region', { name: 'Request' });
  const pre = within(region).getByLabelText('Request body');
  return JSON.parse(pre.textContent ?? '') as Record<string, unknown>;
}

async function chooseModel(user: ReturnType<typeof userEvent.setup>, id: string) {
  const model = screen.getByRole('combobox', { name: 'Model' });
  await user.clear(model);
  await user.type(model, `${id}{Enter}`);
}

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
  resetPlayground();
});

describe('Reasoning effort', () => {
  it('appears on glm-5.2 with its levels, and the preview shows it once changed or pinned', async () => {
    const user = userEvent.setup();
    render(<SettingsSidebar />);
    await chooseModel(user, 'glm-5.2');
    const effort = screen.getByRole('combobox', { name: 'Reasoning effort' });
    const levels = within(effort)
      .getAllByRole('option')
      .map((option) => option.getAttribute('value'));
    expect(levels).toEqual(['max', 'xhigh', 'high', 'medium', 'low', 'minimal', 'none']);
    expect(effort).toHaveValue('max');
    expect(requestBody()).not.toHaveProperty('reasoning_effort');

    await user.selectOptions(effort, 'high');
    expect(requestBody()).toMatchObject({ reasoning_effort: 'high' });

    await user.selectOptions(effort, 'max');
    expect(requestBody()).not.toHaveProperty('reasoning_effort');
    await user.click(screen.getByRole('checkbox', { name: 'Always send reasoning effort' }));
    expect(requestBody()).toMatchObject({ reasoning_effort: 'max' });
  });

  it('says the model may ignore it while thinking is off', async () => {
    const user = userEvent.setup();
    render(<SettingsSidebar />);
    await chooseModel(user, 'glm-5.2');
    await user.click(screen.getByRole('switch', { name: 'Thinking' }));
    expect(screen.getByRole('combobox', { name: 'Reasoning effort' })).toHaveAccessibleDescription(/thinking is off/);
  });

  it('is absent on a model without effort levels', async () => {
    const user = userEvent.setup();
    render(<SettingsSidebar />);
    await chooseModel(user, 'glm-4.7');
    expect(screen.queryByRole('combobox', { name: 'Reasoning effort' })).not.toBeInTheDocument();
  });
});
