// One conversation turn as the message the request carries (docs/wire-format.md#tools for the tool shapes).
import { messageContent } from './contentParts';
import type { ConversationTurn, WireMessage } from './request';
import { reasoningSentWith } from './sentTurns';
import { wireToolCall } from './toolCalls';

/** A turn as a message: a tool turn answers its call; an assistant turn with tool calls carries them back. */
export function wireMessage(turn: ConversationTurn, withReasoning: boolean): WireMessage {
  if (turn.role === 'tool') return { role: 'tool', tool_call_id: turn.toolCallId ?? '', content: turn.content };
  const message: WireMessage = { role: turn.role, content: messageContent(turn.content, turn.imageUrls) };
  const reasoning = reasoningSentWith(turn, withReasoning);
  if (reasoning !== undefined) message.reasoning_content = reasoning;
  if (turn.role === 'assistant' && turn.toolCalls?.length) message.tool_calls = turn.toolCalls.map(wireToolCall);
  return message;
}
