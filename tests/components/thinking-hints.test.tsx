// The Thinking hints say what the switch does now, and "Preserve reasoning" says why it cannot be used without it.
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { ThinkingSwitch } from '../../src/components/settings/ThinkingSwitch';
import { resetEverything } from './helpers';

beforeEach(resetEverything);

describe('Thinking hints', () => {
  it('the Thinking hint follows the switch', async () => {
    const user = userEvent.setup();
    render(<ThinkingSwitch />);
    const thinking = screen.getByRole('switch', { name: 'Thinking' });
    expect(thinking).toHaveAccessibleDescription(/^On:/);
    await user.click(thinking);
    expect(thinking).not.toBeChecked();
    expect(thinking).toHaveAccessibleDescription('Off: the model answers without reasoning first.');
    await user.click(thinking);
    expect(thinking).toHaveAccessibleDescription(/^On:/);
  });

  it('"Preserve reasoning" is disabled while thinking is off, and says why', async () => {
    const user = userEvent.setup();
    render(<ThinkingSwitch />);
    const preserve = screen.getByRole('checkbox', { name: 'Preserve reasoning' });
    expect(preserve).toBeEnabled();
    await user.click(screen.getByRole('switch', { name: 'Thinking' }));
    expect(preserve).toBeDisabled();
    expect(preserve).toHaveAccessibleDescription(/^Turn Thinking on to use this/);
    await user.click(screen.getByRole('switch', { name: 'Thinking' }));
    expect(preserve).toBeEnabled();
  });
});
