// Model-specific controls in the settings sidebar: reasoning effort, the grouped catalogue, custom model limits.
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { SettingsSidebar } from '../../src/components/settings/SettingsSidebar';
import { resetEverything } from './helpers';
import { chooseModel, requestBody } from './sidebarHelpers';

beforeEach(resetEverything);

async function pickFromCatalogue(user: ReturnType<typeof userEvent.setup>, id: string): Promise<void> {
  await user.selectOptions(screen.getByRole('combobox', { name: 'Catalogue' }), id);
}

describe('Reasoning effort', () => {
  it('appears on glm-5.2 with its levels, and the preview shows it once changed or pinned', async () => {
    const user = userEvent.setup();
    render(<SettingsSidebar />);
    await pickFromCatalogue(user, 'glm-5.2');
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
    await pickFromCatalogue(user, 'glm-5.2');
    await user.click(screen.getByRole('switch', { name: 'Thinking' }));
    expect(screen.getByRole('combobox', { name: 'Reasoning effort' })).toHaveAccessibleDescription(/thinking is off/);
  });

  it('is absent on a model without effort levels', async () => {
    const user = userEvent.setup();
    render(<SettingsSidebar />);
    await pickFromCatalogue(user, 'glm-4.6');
    expect(screen.queryByRole('combobox', { name: 'Reasoning effort' })).not.toBeInTheDocument();
  });
});

describe('model picker', () => {
  it('groups the catalogue into flagship, fast and free, vision and legacy', () => {
    render(<SettingsSidebar />);
    const catalogue = screen.getByRole('combobox', { name: 'Catalogue' });
    const groups = within(catalogue).getAllByRole('group');
    expect(groups.map((group) => group.getAttribute('label'))).toEqual([
      'Flagship',
      'Fast and free',
      'Vision',
      'Legacy',
    ]);
    const vision = within(groups[2] as HTMLElement)
      .getAllByRole('option')
      .map((option) => option.getAttribute('value'));
    expect(vision).toEqual(['glm-5v-turbo', 'glm-4.6v', 'glm-4.6v-flashx', 'glm-4.6v-flash', 'glm-4.5v']);
  });

  it('switches model from the catalogue and shows its limits, with what is unconfirmed', async () => {
    const user = userEvent.setup();
    render(<SettingsSidebar />);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Catalogue' }), 'glm-4.5v');
    expect(screen.getByRole('combobox', { name: 'Model' })).toHaveValue('glm-4.5v');
    const details = within(
      screen.getByText('Model details', { selector: 'summary' }).closest('details') as HTMLElement,
    );
    expect(details.getByText('64K tokens')).toBeInTheDocument();
    expect(details.getByText('default none documented (not sent), maximum 16,384')).toBeInTheDocument();
    expect(details.getByText('can be switched off; always reasons when on')).toBeInTheDocument();
    expect(details.getByText('image, video, file')).toBeInTheDocument();
    expect(details.getByText('$0.60 in / $0.11 cached / $1.80 out per 1M tokens')).toBeInTheDocument();
    expect(details.getByText('context size')).toBeInTheDocument();
  });

  it('offers custom model limits for an id outside the catalogue, and max tokens follows them', async () => {
    const user = userEvent.setup();
    render(<SettingsSidebar />);
    expect(screen.queryByRole('group', { name: 'Custom model limits' })).not.toBeInTheDocument();
    await chooseModel(user, 'my-local-model');
    const limits = screen.getByRole('group', { name: 'Custom model limits' });
    const maxOutput = within(limits).getByRole('spinbutton', { name: 'Max output tokens' });
    await user.type(maxOutput, '4096{Enter}');
    expect(screen.getByRole('spinbutton', { name: 'Max tokens' })).toHaveValue(4096);
    expect(screen.getByRole('combobox', { name: 'Model' })).toHaveAccessibleDescription(/max output 4,096/);
    expect(requestBody()).not.toHaveProperty('max_tokens');
  });
});
