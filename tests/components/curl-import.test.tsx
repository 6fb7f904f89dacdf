// "Paste cURL" as a user does it: paste, Import, answer the questions about the key and the endpoint.
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { CurlImportDialog } from '../../src/components/request/CurlImportDialog';
import { generateCode } from '../../src/core/codegen';
import { buildChatRequest, defaultSettingsFor } from '../../src/core/request';
import { resetPlayground, usePlaygroundStore } from '../../src/store';
import * as actions from '../../src/store/actions';
import * as connectionActions from '../../src/store/connectionActions';

const docsSample = `curl -X POST "https://api.z.ai/api/paas/v4/chat/completions" \\
  -H "Content-Type: application/json" \\
  -H "Authorization: Bearer your-api-key" \\
  -d '{
    "model": "glm-4.5",
    "messages": [
      { "role": "user", "content": "As a marketing expert, please create an attractive slogan for my product." },
      { "role": "assistant", "content": "Sure, to craft a compelling slogan, please tell me more about your product." },
      { "role": "user", "content": "Z.AI Open Platform" }
    ],
    "thinking": { "type": "enabled" },
    "max_tokens": 4096,
    "temperature": 0.6
  }'`;

async function paste(user: ReturnType<typeof userEvent.setup>, command: string) {
  await user.click(screen.getByRole('button', { name: 'Paste cURL' }));
  const dialog = await screen.findByRole('dialog', { name: 'Import from cURL' });
  const box = within(dialog).getByRole('textbox', { name: 'cURL command' });
  await user.click(box);
  await user.paste(command);
  await user.click(within(dialog).getByRole('button', { name: 'Import' }));
}

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
  resetPlayground();
});

describe('Paste cURL', () => {
  it('fills model, parameters and the conversation from a Z.ai docs sample', async () => {
    const user = userEvent.setup();
    render(<CurlImportDialog />);
    await paste(user, docsSample);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Imported a glm-4.5 request with 3 messages.');
    const state = usePlaygroundStore.getState();
    expect(state.settings).toMatchObject({
      model: 'glm-4.5',
      maxTokens: 4096,
      temperature: 0.6,
      pinned: { temperature: true },
      thinking: true,
      stream: false,
    });
    expect(state.conversation.turns.map((turn) => turn.role)).toEqual(['user', 'assistant']);
    expect(state.conversation.draft).toBe('Z.AI Open Platform');
    expect(state.connection.apiKey).toBe('');
  });

  it('imports the app’s own exported script (heredoc body)', async () => {
    const user = userEvent.setup();
    const request = buildChatRequest(
      'https://api.z.ai/api/paas/v4',
      { ...defaultSettingsFor('glm-4.7'), systemPrompt: 'Be brief.', extraFields: { stop: ['<end>'] } },
      [{ role: 'user', content: "it's $HOME" }],
    );
    render(<CurlImportDialog />);
    await paste(user, generateCode(request, { library: 'curl', includeKey: false }));
    const state = usePlaygroundStore.getState();
    expect(state.settings).toMatchObject({
      model: 'glm-4.7',
      systemPrompt: 'Be brief.',
      extraFields: { stop: ['<end>'] },
    });
    expect(state.conversation.draft).toBe("it's $HOME");
  });

  it('asks before using the key in the command, and leaves the key alone when not ticked', async () => {
    const user = userEvent.setup();
    connectionActions.setApiKey('my-own-key-123456');
    render(<CurlImportDialog />);
    await paste(user, docsSample.replace('your-api-key', 'sk-from-command-987654'));
    const key = screen.getByRole('checkbox', { name: /Use the key from this command\?/ });
    expect(key).not.toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Open request' }));
    expect(usePlaygroundStore.getState().connection.apiKey).toBe('my-own-key-123456');
    expect(usePlaygroundStore.getState().settings.model).toBe('glm-4.5');
  });

  it('uses the key once the user agrees', async () => {
    const user = userEvent.setup();
    render(<CurlImportDialog />);
    await paste(user, docsSample.replace('your-api-key', 'sk-from-command-987654'));
    await user.click(screen.getByRole('checkbox', { name: /Use the key from this command\?/ }));
    await user.click(screen.getByRole('button', { name: 'Open request' }));
    expect(usePlaygroundStore.getState().connection).toMatchObject({
      apiKey: 'sk-from-command-987654',
      keyOrigin: 'https://api.z.ai',
    });
  });

  it('asks before switching to another endpoint', async () => {
    const user = userEvent.setup();
    render(<CurlImportDialog />);
    await paste(user, docsSample.replace('https://api.z.ai/api/paas/v4', 'https://open.bigmodel.cn/api/paas/v4'));
    await user.click(
      screen.getByRole('checkbox', {
        name: /Use this command’s endpoint \(https:\/\/open.bigmodel.cn\/api\/paas\/v4\)/,
      }),
    );
    await user.click(screen.getByRole('button', { name: 'Open request' }));
    expect(usePlaygroundStore.getState().connection).toMatchObject({
      endpointId: 'bigmodel',
      baseUrl: 'https://open.bigmodel.cn/api/paas/v4',
    });
  });

  it('lists what it could not import', async () => {
    const user = userEvent.setup();
    render(<CurlImportDialog />);
    await paste(user, docsSample.replace('-X POST', '-X POST -H "X-Custom: 1" --cookie "a=b"'));
    const dialog = screen.getByRole('dialog', { name: 'Import from cURL' });
    const list = within(dialog).getByRole('heading', { name: 'Not imported' }).nextElementSibling as HTMLElement;
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      '--cookie (credentials) was not imported.',
      'The header "X-Custom" was not imported (the playground sends its own headers).',
    ]);
  });

  it('is a modal dialog: focus starts in it, Tab stays in it, Esc closes it keeping the text, focus goes back to the button', async () => {
    const user = userEvent.setup();
    render(<CurlImportDialog />);
    const opener = screen.getByRole('button', { name: 'Paste cURL' });
    await user.click(opener);
    const dialog = await screen.findByRole('dialog', { name: 'Import from cURL' });
    expect(dialog).toHaveAttribute('aria-modal', 'true');
    const box = within(dialog).getByRole('textbox', { name: 'cURL command' });
    expect(box).toHaveFocus();
    await user.paste('curl https://example.com');
    await user.tab({ shift: true });
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.tab();
    expect(box).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(opener).toHaveFocus();
    await user.click(opener);
    expect(await screen.findByRole('textbox', { name: 'cURL command' })).toHaveValue('curl https://example.com');
  });

  it('shows why a command cannot be imported and changes nothing', async () => {
    const user = userEvent.setup();
    const before = usePlaygroundStore.getState();
    render(<CurlImportDialog />);
    await paste(
      user,
      `curl https://api.z.ai/api/paas/v4/chat/completions -d '{"model": "glm-4.5", "messages": [], "temperature": 3}'`,
    );
    expect(screen.getByRole('alert')).toHaveTextContent(
      /temperature must be from 0 to 1 \(got 3\).*Nothing was changed/,
    );
    expect(usePlaygroundStore.getState().settings).toBe(before.settings);
  });

  it('keeps the current conversation in the library when it had turns', async () => {
    const user = userEvent.setup();
    actions.addTurn('user', 'An older question');
    render(<CurlImportDialog />);
    await paste(user, docsSample);
    const state = usePlaygroundStore.getState();
    expect(state.conversation.turns.map((turn) => turn.content)).not.toContain('An older question');
    expect(JSON.stringify(state.library.conversations)).toContain('An older question');
  });
});
