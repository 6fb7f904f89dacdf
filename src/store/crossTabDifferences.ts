// What differs between this tab and another tab's saved version, in words a person can compare.
import type { RequestSettings } from '../core/request';
import type { CrossTabConflict } from './crossTab';
import type { ConversationState } from './types';

export interface CrossTabDifference {
  part: string;
  here: string;
  there: string;
}

const shownLength = 160;

function shortText(text: string): string {
  const line = text.trim().replace(/\s+/g, ' ');
  if (line === '') return '(empty)';
  return line.length > shownLength ? `${line.slice(0, shownLength - 1)}…` : line;
}

function lastMessage(conversation: ConversationState): string {
  return shortText(conversation.turns.at(-1)?.content ?? '');
}

const settingsShown: readonly [
  keyof Pick<RequestSettings, 'model' | 'temperature' | 'topP' | 'maxTokens' | 'thinking'>,
  string,
][] = [
  ['model', 'Model'],
  ['temperature', 'Temperature'],
  ['topP', 'Top P'],
  ['maxTokens', 'Max tokens'],
  ['thinking', 'Thinking'],
];

/** The parts that differ (system prompt, messages, last message, the main parameters); empty when none do. */
export function crossTabDifferences(
  conversation: ConversationState,
  settings: RequestSettings,
  conflict: CrossTabConflict,
): CrossTabDifference[] {
  const differences: CrossTabDifference[] = [];
  const other = conflict.otherSettings;
  if (other && other.systemPrompt !== settings.systemPrompt)
    differences.push({
      part: 'System prompt',
      here: shortText(settings.systemPrompt),
      there: shortText(other.systemPrompt),
    });
  if (conversation.turns.length !== conflict.other.turns.length)
    differences.push({
      part: 'Messages',
      here: String(conversation.turns.length),
      there: String(conflict.other.turns.length),
    });
  if (lastMessage(conversation) !== lastMessage(conflict.other))
    differences.push({ part: 'Last message', here: lastMessage(conversation), there: lastMessage(conflict.other) });
  for (const [field, part] of settingsShown) {
    if (other && other[field] !== settings[field])
      differences.push({ part, here: String(settings[field]), there: String(other[field]) });
  }
  return differences;
}
