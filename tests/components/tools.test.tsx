// The Tools section as a user drives it: tools added from examples show up in the request, broken ones block Send
// with the reason next to the field, and the tool options say when they cannot apply.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Composer } from '../../src/components/conversation/Composer';
import { SettingsSidebar } from '../../src/components/settings/SettingsSidebar';
import * as actions from '../../src/store/actions';
import * as connectionActions from '../../src/store/connectionActions';
import { resetEverything, loadLazyRegions } from './helpers';
import { chooseModel, requestBody } from './sidebarHelpers';

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

function toolsSection(): HTMLElement {
  return screen.getByRole('region', { name: 'Tools' });
}

async function openTools(user: ReturnType<typeof userEvent.setup>): Promise<HTMLElement> {
  const section = toolsSection();
  const toggle = within(section).getByRole('button', { name: 'Tools' });
  if (toggle.getAttribute('aria-expanded') === 'false') await user.click(toggle);
  return section;
}

async function addExample(user: ReturnType<typeof userEvent.setup>, name: string): Promise<void> {
  await user.selectOptions(within(toolsSection()).getByRole('combobox', { name: 'Add an example' }), name);
}

function sentToolNames(): unknown[] {
  const tools = requestBody().tools as { function?: { name: string } }[] | undefined;
  return (tools ?? []).map((tool) => tool.function?.name);
}

const sendButton = () => screen.getByRole('button', { name: 'Send' });

beforeAll(loadLazyRegions);
beforeEach(() => {
  resetEverything();
  connectionActions.setApiKey('test-key-123456789');
  actions.setDraft('What is the weather in Paris?');
});

describe('Tools section', () => {
  it('starts folded while no tool is defined', () => {
    renderPlayground();
    expect(within(toolsSection()).getByRole('button', { name: 'Tools' })).toHaveAttribute('aria-expanded', 'false');
  });

  it('adds a tool from an example and sends it, once its schema is checked', async () => {
    const user = renderPlayground();
    await openTools(user);
    await addExample(user, 'get_weather');
    expect(sentToolNames()).toEqual(['get_weather']);
    expect(screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Description' }).value).toMatch(/current weather/);
    await waitFor(() => expect(sendButton()).toBeEnabled());
  });

  it('blocks Send on an invalid schema, with the reason next to the field and by Send', async () => {
    const user = renderPlayground();
    await openTools(user);
    await addExample(user, 'run_sql');
    const parameters = screen.getByRole('textbox', { name: 'Parameters (JSON Schema)' });
    fireEvent.change(parameters, {
      target: { value: '{\n  "type": "object",\n  "properties": { "query": { "type": "text" } }\n}' },
    });
    await waitFor(() => expect(parameters).toHaveAccessibleDescription(/Not a valid JSON Schema/));
    expect(sendButton()).toBeDisabled();
    expect(within(screen.getByRole('form', { name: 'Composer' })).getByRole('status')).toHaveTextContent(
      /Fix the tool "run_sql" first: Parameters: Not a valid JSON Schema/,
    );
  });

  it('points at the line and column of broken JSON', async () => {
    const user = renderPlayground();
    await openTools(user);
    await user.click(within(toolsSection()).getByRole('button', { name: 'Add tool' }));
    const parameters = screen.getByRole('textbox', { name: 'Parameters (JSON Schema)' });
    fireEvent.change(parameters, { target: { value: '{\n  "type": "object",\n}' } });
    expect(parameters).toHaveAccessibleDescription(/^Line 3, column 1: Not valid JSON/);
    expect(sendButton()).toBeDisabled();
  });

  it('flags two enabled tools with the same name, and clears it when one is off', async () => {
    const user = renderPlayground();
    await openTools(user);
    await addExample(user, 'get_weather');
    await addExample(user, 'get_weather');
    const name = screen.getByRole('textbox', { name: 'Name' });
    expect(name).toHaveAccessibleDescription(/names must be unique/);
    expect(sendButton()).toBeDisabled();
    const [first] = within(toolsSection()).getAllByRole('checkbox', { name: 'Send get_weather' });
    if (first) await user.click(first);
    expect(name).not.toHaveAccessibleDescription(/unique/);
    await waitFor(() => expect(sendButton()).toBeEnabled());
  });

  it('leaves a disabled tool out of the request preview', async () => {
    const user = renderPlayground();
    await openTools(user);
    await addExample(user, 'get_weather');
    await addExample(user, 'search_knowledge_base');
    expect(sentToolNames()).toEqual(['get_weather', 'search_knowledge_base']);
    await user.click(within(toolsSection()).getByRole('checkbox', { name: 'Send get_weather' }));
    expect(sentToolNames()).toEqual(['search_knowledge_base']);
    await user.click(within(toolsSection()).getByRole('button', { name: 'Remove search_knowledge_base' }));
    expect(requestBody()).not.toHaveProperty('tools');
  });

  it('sends web search with the options chosen', async () => {
    const user = renderPlayground();
    const section = await openTools(user);
    await user.click(within(section).getByRole('switch', { name: 'Web search' }));
    await user.selectOptions(within(section).getByRole('combobox', { name: 'Recency' }), 'oneDay');
    expect(requestBody().tools).toEqual([
      {
        type: 'web_search',
        web_search: { enable: true, search_engine: 'search_pro_jina', search_recency_filter: 'oneDay' },
      },
    ]);
  });

  it('turns web search off with the reason on a vision model, and leaves it out of the request', async () => {
    const user = renderPlayground();
    const section = await openTools(user);
    await user.click(within(section).getByRole('switch', { name: 'Web search' }));
    await chooseModel(user, 'glm-4.6v');
    const webSearch = within(section).getByRole('switch', { name: 'Web search' });
    expect(webSearch).toBeDisabled();
    expect(webSearch).toHaveAccessibleDescription(/glm-4\.6v is a vision model.*function tools only/);
    expect(requestBody()).not.toHaveProperty('tools');
  });

  it('offers only "auto" as tool choice, sent only when asked', async () => {
    const user = renderPlayground();
    const section = await openTools(user);
    await addExample(user, 'get_weather');
    const choice = within(section).getByRole('combobox', { name: 'Tool choice' });
    expect(
      within(choice)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['auto (default, not sent)', 'auto (sent as tool_choice)']);
    expect(requestBody()).not.toHaveProperty('tool_choice');
    await user.selectOptions(choice, 'auto');
    expect(requestBody()).toHaveProperty('tool_choice', 'auto');
  });

  it('streams tool calls only where the model and the Stream setting allow, saying why not', async () => {
    const user = renderPlayground();
    const section = await openTools(user);
    await addExample(user, 'get_weather');
    const toolStream = within(section).getByRole('checkbox', { name: 'Stream tool calls' });
    await user.click(toolStream);
    expect(requestBody()).toHaveProperty('tool_stream', true);
    await user.click(screen.getByRole('checkbox', { name: 'Stream' }));
    expect(toolStream).toBeDisabled();
    expect(toolStream).toHaveAccessibleDescription(/Needs Stream on/);
    expect(requestBody()).not.toHaveProperty('tool_stream');
    await user.click(screen.getByRole('checkbox', { name: 'Stream' }));
    await chooseModel(user, 'glm-4.5');
    expect(toolStream).toBeDisabled();
    expect(toolStream).toHaveAccessibleDescription('glm-4.5 does not stream tool calls.');
  });
});
