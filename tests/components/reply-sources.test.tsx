// "Sources": the web search results a reply carried, from the store and through the streaming client. Links are
// safe (http(s) only, new tab, no opener or referrer) and nothing is requested from those sites without a click.
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ConversationPanel } from '../../src/components/conversation/ConversationPanel';
import { ReplyArea } from '../../src/components/reply/ReplyArea';
import { webSearchSourcesFrom } from '../../src/core/webSearch';
import * as actions from '../../src/store/actions';
import * as connectionActions from '../../src/store/connectionActions';
import { loadLazyRegions, loadReplyStream, resetEverything, setReply } from './helpers';

beforeAll(loadLazyRegions);

const paris = {
  title: 'Paris weather',
  content: 'Sunny, 21 °C all week.',
  link: 'https://weather.example/paris',
  media: 'Weather Example',
  icon: 'https://weather.example/icon.png',
  refer: 'ref_1',
  publish_date: '2026-01-01',
};
const unsafe = { title: 'Tricky', link: 'javascript:alert(1)', icon: 'https://tricky.example/icon.png' };

function sources(): HTMLElement {
  return screen.getByRole('region', { name: 'Sources' });
}

beforeAll(loadReplyStream);
beforeEach(resetEverything);

describe('Sources under a reply', () => {
  it('lists each result with its title as a safe link, the site, the date and the address', () => {
    setReply({ content: 'It is sunny.' }, { webSearchSources: webSearchSourcesFrom([paris]) });
    render(<ReplyArea />);
    const link = within(sources()).getByRole('link', { name: 'Paris weather' });
    expect(link).toHaveAttribute('href', 'https://weather.example/paris');
    expect(link).toHaveAttribute('target', '_blank');
    expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    const item = within(sources()).getByRole('listitem');
    expect(item).toHaveTextContent('Weather Example · 2026-01-01');
    expect(item).toHaveTextContent('weather.example/paris');
    expect(within(item).getByText('Summary')).toBeInTheDocument();
    expect(item).toHaveTextContent('Sunny, 21 °C all week.');
  });

  it('never loads the icons, and shows an unsafe address as text without a link', () => {
    setReply({ content: 'Hi' }, { webSearchSources: webSearchSourcesFrom([paris, unsafe]) });
    const { container } = render(<ReplyArea />);
    expect(container.querySelector('img')).toBeNull();
    expect(within(sources()).getAllByRole('link')).toHaveLength(1);
    expect(within(sources()).getByText('Tricky')).not.toHaveAttribute('href');
  });

  it('is not shown for a reply without results', () => {
    setReply({ content: 'Hi' }, {});
    render(<ReplyArea />);
    expect(screen.queryByRole('region', { name: 'Sources' })).not.toBeInTheDocument();
  });
});

describe('Sources from a streamed reply', () => {
  const encoder = new TextEncoder();

  function chunk(content: string, extra: Record<string, unknown> = {}, finishReason?: string): string {
    const choice = {
      index: 0,
      delta: { role: 'assistant', content },
      ...(finishReason ? { finish_reason: finishReason } : {}),
    };
    return `data: ${JSON.stringify({ id: 'c1', created: 1767268800, model: 'glm-4.7', choices: [choice], ...extra })}\n\n`;
  }

  afterEach(() => {
    act(() => actions.stop());
    vi.unstubAllGlobals();
  });

  it('shows results from whichever chunk carries them, once each, without fetching anything else', async () => {
    const parts = [
      chunk('It is'),
      chunk(' sunny', { web_search: [paris] }),
      chunk('.', { web_search: [paris, { title: 'Lyon weather', link: 'https://weather.example/lyon' }] }, 'stop'),
      'data: [DONE]\n\n',
    ];
    const fetch = vi.fn((_url: string) =>
      Promise.resolve(
        new Response(encoder.encode(parts.join('')), { status: 200, headers: { 'Content-Type': 'text/event-stream' } }),
      ),
    );
    vi.stubGlobal('fetch', fetch);
    connectionActions.setEndpoint('demo');
    render(
      <>
        <ConversationPanel />
        <ReplyArea />
      </>,
    );
    fireEvent.change(screen.getByRole('textbox', { name: 'Message' }), { target: { value: 'Weather in France?' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));

    const region = await screen.findByRole('region', { name: 'Sources' });
    expect(
      within(region)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(['Paris weather', 'Lyon weather']);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(fetch.mock.calls[0]?.[0]).toContain('/chat/completions');
  });
});
