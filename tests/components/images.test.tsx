// Images in the composer: attaching a file shows a thumbnail named after it and sends it as a content part; a file
// over the limit is refused with the reason and the typed text stays; a text-only model disables attaching.
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ConversationPanel } from '../../src/components/conversation/ConversationPanel';
import { usePlaygroundStore } from '../../src/store';
import * as connectionActions from '../../src/store/connectionActions';
import { selectCanSend, selectRequestBody } from '../../src/store/selectors';
import { loadLazyRegions, resetEverything } from './helpers';

beforeAll(loadLazyRegions);

// A 1×1 PNG.
const pngBase64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

function pngFile(name = 'dot.png'): File {
  return new File([Uint8Array.from(atob(pngBase64), (char) => char.charCodeAt(0))], name, { type: 'image/png' });
}

function useModel(model: string): void {
  usePlaygroundStore.setState((state) => ({ settings: { ...state.settings, model } }));
}

beforeEach(() => {
  resetEverything();
  connectionActions.setApiKey('key-abcdefghijkl');
});

describe('attaching images', () => {
  it('shows a picked PNG as a thumbnail named after the file and sends it as a content part', async () => {
    const user = userEvent.setup();
    useModel('glm-4.6v');
    render(<ConversationPanel />);
    await user.type(screen.getByRole('textbox', { name: 'Message' }), 'What is this?');
    await user.upload(screen.getByTestId('attach-image-input'), pngFile());

    const thumbnail = await screen.findByRole('img', { name: 'dot.png' });
    expect(thumbnail).toHaveAttribute('src', `data:image/png;base64,${pngBase64}`);
    // The default endpoint is Z.ai: bare base64.
    expect(selectRequestBody(usePlaygroundStore.getState()).messages).toEqual([
      {
        role: 'user',
        content: [
          { type: 'text', text: 'What is this?' },
          { type: 'image_url', image_url: { url: pngBase64 } },
        ],
      },
    ]);

    await user.click(screen.getByRole('button', { name: 'Remove dot.png' }));
    expect(screen.queryByRole('img', { name: 'dot.png' })).toBeNull();
    expect(selectRequestBody(usePlaygroundStore.getState()).messages).toEqual([
      { role: 'user', content: 'What is this?' },
    ]);
  });

  it('refuses a 6 MB file with the reason, keeping the typed text', async () => {
    const user = userEvent.setup();
    useModel('glm-4.6v');
    render(<ConversationPanel />);
    await user.type(screen.getByRole('textbox', { name: 'Message' }), 'Keep me');
    const big = new File([new Uint8Array(6 * 1024 * 1024)], 'huge.png', { type: 'image/png' });
    await user.upload(screen.getByTestId('attach-image-input'), big);

    expect(await screen.findByRole('alert')).toHaveTextContent('huge.png is 6.0 MB: images may be at most 5 MB each.');
    expect(screen.getByRole('textbox', { name: 'Message' })).toHaveValue('Keep me');
    expect(usePlaygroundStore.getState().conversation.draftImages ?? []).toEqual([]);
  });

  it('adds a remote image by URL, sent as given', async () => {
    const user = userEvent.setup();
    useModel('glm-4.6v');
    render(<ConversationPanel />);
    await user.type(screen.getByRole('textbox', { name: 'Image URL' }), 'https://example.com/cat.png');
    await user.click(screen.getByRole('button', { name: 'Add' }));
    // Nothing is fetched from that host until the user asks for it.
    expect(
      screen.getByRole('img', { name: 'https://example.com/cat.png: image from example.com, not loaded' }),
    ).toBeInTheDocument();
    expect(document.querySelector('img[src="https://example.com/cat.png"]')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Load image' }));
    expect(screen.getByRole('img', { name: 'https://example.com/cat.png' })).toHaveAttribute(
      'src',
      'https://example.com/cat.png',
    );
    expect(selectRequestBody(usePlaygroundStore.getState()).messages[0]?.content).toEqual([
      { type: 'image_url', image_url: { url: 'https://example.com/cat.png' } },
    ]);
  });

  it('disables attaching on a text-only model, saying why', () => {
    useModel('glm-4.7');
    render(<ConversationPanel />);
    const attach = screen.getByRole('button', { name: 'Attach image' });
    expect(attach).toBeDisabled();
    expect(attach).toHaveAccessibleDescription(
      'GLM-4.7 reads text only — pick a vision model such as GLM-4.6V to send images.',
    );
  });

  it('blocks Send with the reason when the model becomes text-only after attaching', async () => {
    const user = userEvent.setup();
    useModel('glm-4.6v');
    render(<ConversationPanel />);
    await user.upload(screen.getByTestId('attach-image-input'), pngFile());
    await screen.findByRole('img', { name: 'dot.png' });
    useModel('glm-4.7');
    const composer = screen.getByRole('form', { name: 'Composer' });
    await waitFor(() => expect(within(composer).getByRole('button', { name: 'Send' })).toBeDisabled());
    expect(within(composer).getByRole('status')).toHaveTextContent('GLM-4.7 reads text only');
    expect(selectCanSend(usePlaygroundStore.getState()).ok).toBe(false);
  });
});

describe('images in the transcript', () => {
  it('shows a placeholder for an image this browser no longer has, and blocks Send with the reason', () => {
    useModel('glm-4.6v');
    const image = { id: 'image-gone', name: 'gone.png', mimeType: 'image/png', size: 10 };
    usePlaygroundStore.setState((state) => ({
      conversation: {
        ...state.conversation,
        turns: [
          { id: 't1', role: 'user', content: 'Look', reasoning: '', excluded: false, reply: null, images: [image] },
        ],
      },
      ui: { ...state.ui, imageBytes: { 'image-gone': null } },
    }));
    render(<ConversationPanel />);
    const turn = screen.getByRole('article', { name: 'user turn 1' });
    expect(within(turn).getByRole('img', { name: 'gone.png: not available' })).toHaveTextContent(
      'Image not available in this browser',
    );
    const composer = screen.getByRole('form', { name: 'Composer' });
    expect(within(composer).getByRole('button', { name: 'Send' })).toBeDisabled();
    expect(within(composer).getByRole('status')).toHaveTextContent('gone.png is not available in this browser');
  });
});
