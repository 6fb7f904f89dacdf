// Preserved thinking in the transcript: each assistant turn with reasoning says whether that reasoning goes back to
// the model with the next request — following the "Preserve reasoning" setting, the model's catalogue flag and the
// turn's own "Exclude from request".
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ThinkingSwitch } from '../../src/components/settings/ThinkingSwitch';
import { Transcript } from '../../src/components/conversation/Transcript';
import { RequestPreview } from '../../src/components/request/RequestPreview';
import { buildRequestBody } from '../../src/core/request';
import { resetPlayground, usePlaygroundStore } from '../../src/store';
import * as settingsActions from '../../src/store/settingsActions';
import { toConversationTurn } from '../../src/store/selectors';
import type { Turn } from '../../src/store/types';
import { loadLazyRegions } from './helpers';

beforeAll(loadLazyRegions);

function turn(id: string, role: Turn['role'], content: string, reasoning = ''): Turn {
  return { id, role, content, reasoning, excluded: false, reply: null };
}

function setTranscript() {
  act(() => {
    usePlaygroundStore.setState((state) => ({
      conversation: {
        ...state.conversation,
        turns: [
          turn('u1', 'user', 'First?'),
          turn('a1', 'assistant', 'One.', 'Thinking about one'),
          turn('u2', 'user', 'Second?'),
          turn('a2', 'assistant', 'Two.', 'Thinking about two'),
        ],
      },
    }));
  });
}

function mark(name: string): string {
  return within(screen.getByRole('article', { name })).getByText(/^Reasoning \(/).textContent;
}

/** What the next request would really send back (the transcript must agree with it). */
function sentReasoning(): string[] {
  const state = usePlaygroundStore.getState();
  const turns = state.conversation.turns.map((turn) => toConversationTurn(turn, state));
  return buildRequestBody(state.settings, turns).messages.flatMap((message) =>
    message.reasoning_content === undefined ? [] : [message.reasoning_content],
  );
}

beforeEach(() => {
  localStorage.clear();
  resetPlayground();
});

describe('transcript marks for preserved thinking', () => {
  it('marks reasoning "(not sent back)" while Preserve reasoning is off', () => {
    setTranscript();
    render(<Transcript />);
    expect(mark('assistant turn 2')).toBe('Reasoning (not sent back)');
    expect(mark('assistant turn 4')).toBe('Reasoning (not sent back)');
    expect(sentReasoning()).toEqual([]);
  });

  it('marks every assistant turn\'s reasoning "(sent back)" once the user turns Preserve reasoning on (glm-4.7)', async () => {
    setTranscript();
    render(
      <>
        <ThinkingSwitch />
        <Transcript />
      </>,
    );
    await userEvent.click(screen.getByRole('checkbox', { name: 'Preserve reasoning' }));
    expect(mark('assistant turn 2')).toBe('Reasoning (sent back)');
    expect(mark('assistant turn 4')).toBe('Reasoning (sent back)');
    expect(sentReasoning()).toEqual(['Thinking about one', 'Thinking about two']);
  });

  it('does not mark an excluded turn as sent', async () => {
    setTranscript();
    act(() => settingsActions.setPreserveReasoning(true));
    render(<Transcript />);
    await userEvent.click(
      within(screen.getByRole('article', { name: 'assistant turn 2' })).getByRole('checkbox', {
        name: 'Exclude from request',
      }),
    );
    expect(mark('assistant turn 2 (excluded)')).toBe('Reasoning (not sent back)');
    expect(mark('assistant turn 4')).toBe('Reasoning (sent back)');
    expect(sentReasoning()).toEqual(['Thinking about two']);
  });

  it('marks nothing as sent on a model without preserved thinking, even with the setting on', () => {
    setTranscript();
    act(() => settingsActions.setPreserveReasoning(true));
    act(() => settingsActions.setModel('glm-4.6'));
    render(
      <>
        <ThinkingSwitch />
        <Transcript />
      </>,
    );
    expect(screen.queryByRole('checkbox', { name: 'Preserve reasoning' })).not.toBeInTheDocument();
    expect(mark('assistant turn 2')).toBe('Reasoning (not sent back)');
    expect(sentReasoning()).toEqual([]);
  });
});

describe('preserved thinking on a Coding Plan endpoint', () => {
  function renderOnCodingPlan() {
    act(() => {
      usePlaygroundStore.setState((state) => ({
        connection: { ...state.connection, endpointId: 'zai-coding', baseUrl: 'https://api.z.ai/api/coding/paas/v4' },
      }));
    });
    setTranscript();
    render(
      <>
        <ThinkingSwitch />
        <Transcript />
        <RequestPreview />
      </>,
    );
  }

  it('is on by default: the transcript, the switch and the request preview agree', () => {
    renderOnCodingPlan();
    expect(screen.getByRole('checkbox', { name: 'Preserve reasoning' })).toBeChecked();
    expect(mark('assistant turn 2')).toBe('Reasoning (sent back)');
    expect(
      screen.getByText(/Earlier reasoning goes back with messages 2, 4 \(preserved thinking, on by default/),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Request body').textContent).toContain('"clear_thinking": false');
  });

  it('says clear_thinking true and sends no reasoning once turned off', async () => {
    const user = userEvent.setup();
    renderOnCodingPlan();
    await user.click(screen.getByRole('checkbox', { name: 'Preserve reasoning' }));
    expect(mark('assistant turn 2')).toBe('Reasoning (not sent back)');
    const body = screen.getByLabelText('Request body').textContent;
    expect(body).toContain('"clear_thinking": true');
    expect(body).not.toContain('reasoning_content');
  });
});
