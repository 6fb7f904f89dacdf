// The "Request JSON" drawer of the Request panel: two-way with the form, unknown fields kept, problems shown and
// blocking Send.
import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { Composer } from '../../src/components/conversation/Composer';
import { SettingsSidebar } from '../../src/components/settings/SettingsSidebar';
import { resetPlayground, usePlaygroundStore } from '../../src/store';
import * as actions from '../../src/store/actions';
import * as connectionActions from '../../src/store/connectionActions';
import { selectRequestBody } from '../../src/store/selectors';

function renderPlayground() {
  const user = userEvent.setup();
  render(
    <>
      <SettingsSidebar />
      <Composer />
    </>,
  );
  return user;
}

type User = ReturnType<typeof userEvent.setup>;

async function openJsonEditor(user: User): Promise<HTMLTextAreaElement> {
  const region = screen.getByRole('region', { name: 'Request' });
  // The Request section can be folded.
  const toggle = within(region).getByRole('button', { name: 'Request' });
  if (toggle.getAttribute('aria-expanded') === 'false') await user.click(toggle);
  await user.click(within(region).getByRole('button', { name: 'Edit request JSON' }));
  const drawer = screen.getByRole('dialog', { name: 'Request JSON' });
  return within(drawer).findByRole<HTMLTextAreaElement>('textbox', { name: 'Request body (JSON)' });
}

/** Esc closes the drawer (the form behind it is inert while it is open). */
async function closeJsonEditor(user: User): Promise<void> {
  await user.keyboard('{Escape}');
  expect(screen.queryByRole('dialog', { name: 'Request JSON' })).not.toBeInTheDocument();
}

function editJson(editor: HTMLTextAreaElement, change: (body: Record<string, unknown>) => void) {
  const body = JSON.parse(editor.value) as Record<string, unknown>;
  change(body);
  fireEvent.change(editor, { target: { value: JSON.stringify(body, null, 2) } });
}

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
  resetPlayground();
  connectionActions.setApiKey('test-key-123456789');
  actions.setDraft('Hello there');
});

describe('Request JSON drawer', () => {
  it('shows the body Send would send', async () => {
    const user = renderPlayground();
    const editor = await openJsonEditor(user);
    expect(JSON.parse(editor.value)).toEqual(selectRequestBody(usePlaygroundStore.getState()));
  });

  it('applies a parameter edit to the form', async () => {
    const user = renderPlayground();
    const editor = await openJsonEditor(user);
    editJson(editor, (body) => {
      body.temperature = 0.25;
    });
    await closeJsonEditor(user);
    expect(screen.getByRole('slider', { name: 'Temperature' })).toHaveValue('0.25');
  });

  it('follows a change made in the form', async () => {
    const user = renderPlayground();
    const editor = await openJsonEditor(user);
    expect(JSON.parse(editor.value)).toHaveProperty('stream', true);
    await closeJsonEditor(user);
    await user.click(screen.getByRole('checkbox', { name: 'Stream' }));
    expect(JSON.parse((await openJsonEditor(user)).value)).not.toHaveProperty('stream');
  });

  it('keeps an unknown field and sends it verbatim', async () => {
    const user = renderPlayground();
    const editor = await openJsonEditor(user);
    editJson(editor, (body) => {
      body.stop = ['<end>'];
    });
    expect(usePlaygroundStore.getState().settings.extraFields).toEqual({ stop: ['<end>'] });
    await closeJsonEditor(user);
    expect(JSON.parse(screen.getByLabelText('Request body').textContent)).toMatchObject({ stop: ['<end>'] });
  });

  it('reads response_format into the Response format control', async () => {
    const user = renderPlayground();
    const editor = await openJsonEditor(user);
    editJson(editor, (body) => {
      body.response_format = { type: 'json_object' };
    });
    expect(usePlaygroundStore.getState().settings).toMatchObject({ responseFormat: 'json_object', extraFields: {} });
    await closeJsonEditor(user);
    expect(screen.getByRole('combobox', { name: 'Response format' })).toHaveValue('json_object');
  });

  it('applies edited messages: the system prompt and the Message box', async () => {
    const user = renderPlayground();
    const editor = await openJsonEditor(user);
    editJson(editor, (body) => {
      body.messages = [
        { role: 'system', content: 'Be terse.' },
        { role: 'user', content: 'Hello again' },
      ];
    });
    await closeJsonEditor(user);
    const state = usePlaygroundStore.getState();
    expect(state.settings.systemPrompt).toBe('Be terse.');
    expect(screen.getByRole('textbox', { name: 'Message' })).toHaveValue('Hello again');
    expect(state.conversation.turns).toEqual([]);
  });

  it('marks invalid JSON with its line, blocks Send with the reason, and changes nothing', async () => {
    const user = renderPlayground();
    const editor = await openJsonEditor(user);
    const before = usePlaygroundStore.getState().settings;
    fireEvent.change(editor, { target: { value: '{\n  "model": "glm-4.7",\n  "messages": [}\n' } });
    expect(screen.getByRole('alert')).toHaveTextContent(/Line 3: Not valid JSON/);
    expect(editor).toHaveAttribute('aria-invalid', 'true');
    await closeJsonEditor(user);
    expect(screen.getByRole('button', { name: 'Send' })).toBeDisabled();
    expect(screen.getByText(/Fix the request JSON first: line 3/)).toBeInTheDocument();
    expect(usePlaygroundStore.getState().settings).toBe(before);
  });

  it('blocks Send on a wrong type and explains it', async () => {
    const user = renderPlayground();
    const editor = await openJsonEditor(user);
    editJson(editor, (body) => {
      body.top_p = 'high';
    });
    expect(screen.getByRole('alert')).toHaveTextContent('top_p must be a number from 0.01 to 1.');
    await closeJsonEditor(user);
    expect(screen.getByRole('button', { name: 'Send' })).toBeDisabled();
  });

  it('keeps an unfinished edit when the drawer closes and lets the user discard it', async () => {
    const user = renderPlayground();
    const editor = await openJsonEditor(user);
    fireEvent.change(editor, { target: { value: '{ "model": ' } });
    await closeJsonEditor(user);
    expect(screen.getByRole('alert')).toHaveTextContent(/request JSON has an edit with a problem/);
    await user.click(screen.getByRole('button', { name: 'Show JSON' }));
    const drawer = screen.getByRole('dialog', { name: 'Request JSON' });
    expect(await within(drawer).findByRole('textbox', { name: 'Request body (JSON)' })).toHaveValue('{ "model": ');
    await user.click(within(drawer).getByRole('button', { name: 'Discard JSON edits' }));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Send' })).toBeEnabled();
    expect(JSON.parse(screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Request body (JSON)' }).value)).toEqual(
      selectRequestBody(usePlaygroundStore.getState()),
    );
  });

  it('edits a transcript turn in place, keeping its id', async () => {
    const id = actions.addTurn('user', 'First question');
    actions.addTurn('assistant', 'First answer');
    const user = renderPlayground();
    const editor = await openJsonEditor(user);
    editJson(editor, (body) => {
      (body.messages as { content: string }[])[0] = { role: 'user', content: 'Edited question' } as { content: string };
    });
    const turns = usePlaygroundStore.getState().conversation.turns;
    expect(turns.map((turn) => [turn.id === id, turn.content])).toEqual([
      [true, 'Edited question'],
      [false, 'First answer'],
    ]);
    expect(usePlaygroundStore.getState().conversation.draft).toBe('Hello there');
  });
});
