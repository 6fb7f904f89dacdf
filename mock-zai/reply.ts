// Plans a reply: its text split into deltas, where it stops (max_tokens, finish-*), its usage; and the
// non-streaming response body. Streaming it is streamReply.ts's job.
import { modelInfo, supportsThinking } from '../src/core/models.ts';
import { continuationReply, isContinuation } from './continuation.ts';
import { defaultReply, estimateTokens, messageText, tokenize, type ReplyText, type WireMessage } from './content.ts';
import { isRecord } from './http.ts';
import type { ScenarioBehaviour } from './scenarios.ts';
import type { ReplyPhases, Scenario } from './scenarioTypes.ts';
import type { Delta } from './sse.ts';

export interface ReplyPlan {
  id: string;
  model: string;
  /** Chunks carry `object` and usage reports reasoning tokens. */
  objectField: boolean;
  /** The deltas that go out (after any max_tokens or finish-* cut). */
  sent: Delta[];
  finishReason: string;
  usage: Record<string, unknown>;
  phases: ReplyPhases;
}

const toolCall = {
  id: 'call_mock_1',
  type: 'function',
  index: 0,
  function: { name: 'get_weather', arguments: '{"city":"Beijing"}' },
};

function replyText(messages: WireMessage[], scenario: Scenario, thinks: boolean): ReplyText {
  const fallback = isContinuation(messages) ? continuationReply(messages, thinks) : defaultReply(messages, thinks);
  return {
    content: scenario.content ?? fallback.content,
    reasoning: thinks ? (scenario.reasoning ?? fallback.reasoning) : '',
  };
}

/** `body` is a validated chat request (non-empty model and messages). */
export function planReply(
  id: string,
  body: Record<string, unknown>,
  messages: WireMessage[],
  scenario: Scenario,
  behaviour: ScenarioBehaviour,
): ReplyPlan {
  const model = String(body.model).trim();
  const thinking = isRecord(body.thinking) ? body.thinking.type : undefined;
  // Model facts come from the app's catalogue; an unknown id behaves like a custom model (thinks, no object field).
  const facts = modelInfo(model);
  const thinks = supportsThinking(facts) && thinking !== 'disabled';
  const objectField = facts.sendsObjectField || behaviour.objectField === true;
  const text = behaviour.text?.(scenario, thinks) ?? replyText(messages, scenario, thinks);

  const deltas: Delta[] = [];
  // Real thinking streams open with a whitespace-only content delta before the reasoning.
  if (text.reasoning !== '') deltas.push({ content: '\n' });
  const reasoningStart = deltas.length;
  for (const piece of tokenize(text.reasoning)) deltas.push({ reasoning: piece });
  const answerStart = deltas.length;
  for (const piece of tokenize(text.content)) deltas.push({ content: piece });

  let finishReason = 'stop';
  let kept = deltas.length;
  const maxTokens = typeof body.max_tokens === 'number' && body.max_tokens >= 1 ? Math.floor(body.max_tokens) : null;
  if (maxTokens !== null && maxTokens < deltas.length) {
    kept = maxTokens;
    finishReason = 'length';
  }
  const finish = behaviour.finish?.(scenario, { deltaCount: deltas.length, reasoningStart, answerStart });
  if (finish) ({ kept, finishReason } = finish);
  const sent = deltas.slice(0, kept);
  if (finishReason === 'tool_calls') sent.push({ content: '', finish: 'tool_calls', tool_calls: [toolCall] });

  const promptTokens = messages.reduce((sum, message) => sum + estimateTokens(messageText(message.content)) + 4, 0);
  const completionTokens = Math.max(sent.length, 1);
  const usage: Record<string, unknown> = {
    prompt_tokens: promptTokens,
    completion_tokens: completionTokens,
    total_tokens: promptTokens + completionTokens,
    prompt_tokens_details: { cached_tokens: 0 },
  };
  if (objectField) {
    const reasoningTokens = sent.filter((delta) => delta.reasoning !== undefined).length;
    usage.completion_tokens_details = { reasoning_tokens: reasoningTokens };
  }
  const phases = { deltaCount: sent.length, reasoningStart, answerStart };
  return { id, model, objectField, sent, finishReason, usage, phases };
}

/** The non-streaming response: the sent deltas joined into one message. */
export function completionBody(plan: ReplyPlan, requestId: string, created: number): Record<string, unknown> {
  const reasoningSent = plan.sent.map((delta) => delta.reasoning ?? '').join('');
  const contentSent = plan.sent.map((delta) => delta.content ?? '').join('');
  const message: Record<string, unknown> = { role: 'assistant', content: contentSent.replace(/^\s+/, '') };
  if (reasoningSent !== '') message.reasoning_content = reasoningSent;
  const last = plan.sent[plan.sent.length - 1];
  if (last?.tool_calls) message.tool_calls = last.tool_calls;
  const response: Record<string, unknown> = { id: plan.id, request_id: requestId, created, model: plan.model };
  if (plan.objectField) response.object = 'chat.completion';
  response.choices = [{ index: 0, finish_reason: plan.finishReason, message }];
  response.usage = plan.usage;
  return response;
}
