// Switching model keeps what the user pinned; a pinned value the new model cannot take is lowered, with a note.
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { SettingsSidebar } from '../../src/components/settings/SettingsSidebar';
import { resetEverything } from './helpers';
import { chooseModel, requestBody } from './sidebarHelpers';

beforeEach(resetEverything);

async function setNumber(user: ReturnType<typeof userEvent.setup>, name: string, value: string): Promise<void> {
  const input = screen.getByRole('spinbutton', { name });
  await user.clear(input);
  await user.type(input, value);
  await user.tab();
}

describe('switching model', () => {
  it('keeps a pinned temperature and sends it; an unpinned top P takes the new default', async () => {
    const user = userEvent.setup();
    render(<SettingsSidebar />);
    await setNumber(user, 'Temperature value', '0.3');
    await user.click(screen.getByRole('checkbox', { name: 'Always send temperature' }));
    await setNumber(user, 'Top P value', '0.5');
    await chooseModel(user, 'glm-4.5v');
    expect(screen.getByRole('spinbutton', { name: 'Temperature value' })).toHaveValue(0.3);
    expect(screen.getByRole('checkbox', { name: 'Always send temperature' })).toBeChecked();
    expect(screen.getByRole('spinbutton', { name: 'Top P value' })).toHaveValue(0.6);
    expect(requestBody()).toMatchObject({ model: 'glm-4.5v', temperature: 0.3 });
    expect(requestBody()).not.toHaveProperty('top_p');
  });

  it('lowers a pinned max tokens to the new model’s limit with a note that goes with the next change', async () => {
    const user = userEvent.setup();
    render(<SettingsSidebar />);
    await setNumber(user, 'Max tokens', '100000');
    await user.click(screen.getByRole('checkbox', { name: 'Always send max tokens' }));
    await chooseModel(user, 'glm-4-32b-0414-128k');
    expect(screen.getByRole('spinbutton', { name: 'Max tokens' })).toHaveValue(16384);
    // Announced: the note is in a live status region next to the control.
    expect(
      screen.getByText("Max tokens lowered to 16,384: GLM-4-32B-0414-128K's limit.").closest('[role="status"]'),
    ).not.toBeNull();
    expect(requestBody()).toMatchObject({ max_tokens: 16384 });
    await setNumber(user, 'Max tokens', '8000');
    expect(screen.queryByText(/Max tokens lowered/)).not.toBeInTheDocument();
  });

  it('the note can be dismissed', async () => {
    const user = userEvent.setup();
    render(<SettingsSidebar />);
    await setNumber(user, 'Max tokens', '100000');
    await user.click(screen.getByRole('checkbox', { name: 'Always send max tokens' }));
    await chooseModel(user, 'glm-4-32b-0414-128k');
    await user.click(screen.getByRole('button', { name: /^Dismiss: Max tokens lowered/ }));
    expect(screen.queryByText(/Max tokens lowered/)).not.toBeInTheDocument();
  });
});
