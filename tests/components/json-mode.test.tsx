// JSON mode as the user meets it: the Response format control and its answer schema in the sidebar, and the check
// under a completed JSON-mode reply (valid or where not, schema violations, the JSON tree).
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { ReplyArea } from '../../src/components/reply/ReplyArea';
import { SettingsSidebar } from '../../src/components/settings/SettingsSidebar';
import { usePlaygroundStore } from '../../src/store';
import * as settingsActions from '../../src/store/settingsActions';
import type { ReplyInfo } from '../../src/store/types';
import { resetEverything, setReply } from './helpers';
import { requestBody } from './sidebarHelpers';

beforeEach(resetEverything);

describe('Response format', { timeout: 20_000 }, () => {
  it('sends response_format json_object once JSON object is chosen, and text only when pinned', async () => {
    const user = userEvent.setup();
    render(<SettingsSidebar />);
    const format = screen.getByRole('combobox', { name: 'Response format' });
    expect(format).toHaveValue('text');
    expect(requestBody()).not.toHaveProperty('response_format');

    await user.selectOptions(format, 'JSON object');
    expect(requestBody()).toMatchObject({ response_format: { type: 'json_object' } });
    expect(screen.getByRole('textbox', { name: 'Answer schema (optional)' })).toBeInTheDocument();

    await user.selectOptions(format, 'Text');
    expect(requestBody()).not.toHaveProperty('response_format');
    expect(screen.queryByRole('textbox', { name: 'Answer schema (optional)' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('checkbox', { name: 'Always send response format' }));
    expect(requestBody()).toMatchObject({ response_format: { type: 'text' } });
  });

  it('is not offered on a vision model, and says why', async () => {
    const user = userEvent.setup();
    render(<SettingsSidebar />);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Response format' }), 'JSON object');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Catalogue' }), 'glm-4.6v');
    const format = screen.getByRole('combobox', { name: 'Response format' });
    expect(format).toBeDisabled();
    expect(format).toHaveAccessibleDescription(/vision model/);
    expect(requestBody()).not.toHaveProperty('response_format');
  });

  it('shows where the answer schema is not JSON, by line and column', () => {
    render(<SettingsSidebar />);
    act(() => settingsActions.setResponseFormat('json_object'));
    const schema = screen.getByRole('textbox', { name: 'Answer schema (optional)' });
    fireEvent.change(schema, { target: { value: '{\n  type: "object"\n}' } });
    expect(schema).toHaveAttribute('aria-invalid', 'true');
    expect(schema).toHaveAccessibleDescription(/Not valid JSON — line 2, column 3/);
  });

  it('shows why the answer schema is not a JSON Schema', async () => {
    render(<SettingsSidebar />);
    act(() => settingsActions.setResponseFormat('json_object'));
    const schema = screen.getByRole('textbox', { name: 'Answer schema (optional)' });
    fireEvent.change(schema, { target: { value: '{"type": "obj"}' } });
    expect(await screen.findByText('Not a usable JSON Schema:')).toBeInTheDocument();
    expect(schema).toHaveAccessibleDescription(/\/type/);
    fireEvent.change(schema, { target: { value: '{"type": "object"}' } });
    expect(screen.queryByText('Not a usable JSON Schema:')).not.toBeInTheDocument();
    expect(schema).toHaveAttribute('aria-invalid', 'false');
  });
});

const jsonRequest: ReplyInfo['request'] = {
  baseUrl: 'https://api.z.ai/api/paas/v4',
  body: { model: 'glm-4.7', messages: [], response_format: { type: 'json_object' } },
};

function showAnswer(content: string, reply: Partial<ReplyInfo> = {}) {
  setReply({ content }, { request: jsonRequest, ...reply });
  render(<ReplyArea />);
}

function jsonCheck(): HTMLElement {
  return screen.getByRole('region', { name: 'JSON check' });
}

describe('the JSON check of a reply', { timeout: 20_000 }, () => {
  it('says where the answer stops being JSON', () => {
    showAnswer('{\n  "city": "Paris",\n  "days": [1, 2,]\n}');
    expect(jsonCheck()).toHaveTextContent('Not valid JSON — line 3, column 17');
    expect(within(jsonCheck()).queryByRole('button', { name: 'JSON tree' })).not.toBeInTheDocument();
  });

  it('reads a ```json fenced answer and says so', () => {
    showAnswer('```json\n{"city": "Paris"}\n```');
    expect(jsonCheck()).toHaveTextContent('code fence');
    expect(jsonCheck()).toHaveTextContent('Valid JSON.');
  });

  it('lists every violation of the answer schema with its path', async () => {
    act(() =>
      settingsActions.setAnswerSchema(
        JSON.stringify({
          type: 'object',
          properties: { city: { type: 'string' }, days: { type: 'integer', minimum: 1 } },
          required: ['city', 'country'],
        }),
      ),
    );
    showAnswer('{"city": 7, "days": 0}');
    const list = await screen.findByRole('list', { name: 'Schema violations' });
    const items = within(list)
      .getAllByRole('listitem')
      .map((item) => item.textContent);
    expect(items).toHaveLength(3);
    expect(items.some((item) => item.startsWith('/city'))).toBe(true);
    expect(items.some((item) => item.startsWith('/days'))).toBe(true);
    expect(items.some((item) => item.startsWith('(whole answer)') && item.includes('country'))).toBe(true);
    expect(jsonCheck()).toHaveTextContent('3 schema violations');
  });

  it('says when the answer matches the schema', async () => {
    act(() => settingsActions.setAnswerSchema('{"type": "object", "required": ["city"]}'));
    showAnswer('{"city": "Paris"}');
    expect(await within(jsonCheck()).findByText('Matches the answer schema.')).toBeInTheDocument();
  });

  it('opens and closes a JSON tree whose branches toggle from the keyboard', async () => {
    const user = userEvent.setup();
    showAnswer('{"city": "Paris", "days": [1, 2], "meta": {"source": "model"}}');
    const toggle = screen.getByRole('button', { name: 'JSON tree' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('list', { name: 'Answer as a JSON tree' })).not.toBeInTheDocument();

    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const tree = screen.getByRole('list', { name: 'Answer as a JSON tree' });
    expect(tree).toHaveTextContent('city: "Paris"');
    const meta = within(tree).getByRole('button', { name: 'meta: {1 key}' });
    expect(meta).toHaveAttribute('aria-expanded', 'false');
    expect(tree).not.toHaveTextContent('source');
    meta.focus();
    await user.keyboard('{Enter}');
    expect(meta).toHaveAttribute('aria-expanded', 'true');
    expect(tree).toHaveTextContent('source: "model"');

    await user.click(toggle);
    expect(screen.queryByRole('list', { name: 'Answer as a JSON tree' })).not.toBeInTheDocument();
  });

  it('shows a huge array a page at a time', async () => {
    const user = userEvent.setup();
    showAnswer(JSON.stringify(Array.from({ length: 250 }, (_, index) => index)));
    await user.click(screen.getByRole('button', { name: 'JSON tree' }));
    const tree = screen.getByRole('list', { name: 'Answer as a JSON tree' });
    expect(within(tree).getAllByRole('listitem')).toHaveLength(1 + 100 + 1);
    await user.click(within(tree).getByRole('button', { name: '150 more — show 100' }));
    await user.click(within(tree).getByRole('button', { name: '50 more — show 50' }));
    expect(within(tree).queryByRole('button', { name: /more/ })).not.toBeInTheDocument();
    expect(tree).toHaveTextContent('249: 249');
  });

  it('does not check a reply that did not ask for JSON, or one still arriving', () => {
    setReply({ content: 'not json' }, {});
    const { unmount } = render(<ReplyArea />);
    expect(screen.queryByRole('region', { name: 'JSON check' })).not.toBeInTheDocument();
    unmount();
    setReply({ content: '{"par' }, { request: jsonRequest, status: 'streaming' });
    render(<ReplyArea />);
    expect(screen.queryByRole('region', { name: 'JSON check' })).not.toBeInTheDocument();
  });

  it('checks against the current answer schema as it is edited', async () => {
    showAnswer('{"city": "Paris"}');
    expect(jsonCheck()).toHaveTextContent('No answer schema set.');
    act(() => settingsActions.setAnswerSchema('{"required": ["country"]}'));
    expect(await screen.findByRole('list', { name: 'Schema violations' })).toHaveTextContent('country');
    expect(usePlaygroundStore.getState().settings.answerSchema).toContain('country');
  });
});
