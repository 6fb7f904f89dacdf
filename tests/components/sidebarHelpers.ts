// Reading and driving the settings sidebar the way a user does: the request preview's body, the Model combobox.
import { screen, within } from '@testing-library/react';
import type userEvent from '@testing-library/user-event';

/** The body the Request preview shows, parsed. */
export function requestBody(): Record<string, unknown> {
  const region = screen.getByRole('region', { name: 'Request' });
  const pre = within(region).getByLabelText('Request body');
  return JSON.parse(pre.textContent) as Record<string, unknown>;
}

/** Types a model id into "Model" and presses Enter. */
export async function chooseModel(user: ReturnType<typeof userEvent.setup>, id: string): Promise<void> {
  const model = screen.getByRole('combobox', { name: 'Model' });
  await user.clear(model);
  await user.type(model, `${id}{Enter}`);
}
