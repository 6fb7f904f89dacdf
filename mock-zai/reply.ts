// Plans a reply: its text split into deltas, where it stops (max_tokens, finish-*), its usage; and the
// non-streaming response body. Streaming it is streamReply.ts's job.
import { modelInfo, supportsThinking } from '../src/core/models.ts';
import { textChunks } from '../src/core/renderLimits.ts';
import { continuationReply, isContinuation } from './continuation.ts';
import { defaultReply, estimateTokens, messageText, tokenize, type ReplyText, type WireMessage } from './content.ts';
import { isRecord } from './http.ts';
import {
  jsonModeReply,
  lastQuestion,
  toolResultsReply,
  trailingToolResults,
  wantsJsonObject,
  webSearchResults,
} from './specialReplies.ts';
import { functionTools } from './toolArguments.ts';
import { planToolCalls, reasoningBeforeCalls, toolCallDeltas, type WireToolCall } from './toolReply.ts';
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
  /** The calls of a tool-call reply, whole (the non-streaming message carries them). */
  toolCalls: WireToolCall[] | null;
  /** Web search results to return (a `web_search` tool with `search_result: true`). */
  webSearch: Record<string, unknown>[] | null;
}

const toolCall = {
  id: 'call_mock_1',
  type: 'function',
  index: 0,
  function: { name: 'get_weather', arguments: '{"city":"Beijing"}' },
};

/**
 * The text a reply says: the rest of a continued reply, tool results quoted, a JSON object in JSON mode, or the
 * default reply; overrides on top.
 */
function replyText(
  body: Record<string, unknown>,
  messages: WireMessage[],
  scenario: Scenario,
  thinks: boolean,
): ReplyText {
  const base = isContinuation(messages)
    ? continuationReply(messages, thinks)
    : trailingToolResults(messages).length > 0
      ? toolResultsReply(messages, thinks)
      : wantsJsonObject(body)
        ? jsonModeReply(messages, thinks)
        : defaultReply(messages, thinks);
  return {
    content: scenario.content ?? base.content,
    reasoning: thinks ? (scenario.reasoning ?? base.reasoning) : '',
  };
}

/** Tool calls answer a request whose function tools have not been answered yet, unless the text is imposed. */
function answersWithToolCalls(
  body: Record<string, unknown>,
  messages: WireMessage[],
  scenario: Scenario,
  behaviour: ScenarioBehaviour,
): boolean {
  if (trailingToolResults(messages).length > 0) return false;
  if (behaviour.toolCalls) return true;
  const textImposed = scenario.content !== undefined || behaviour.text !== undefined || behaviour.finish !== undefined;
  return !textImposed && functionTools(body).length > 0;
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
  const question = lastQuestion(messages);
  const webSearch = webSearchResults(body, question);
  const calls = answersWithToolCalls(body, messages, scenario, behaviour)
    ? planToolCalls(id, body, question, behaviour.toolCalls?.(scenario) ?? null)
    : null;
  const callReasoning = calls && thinks ? reasoningBeforeCalls(calls, question) : [];
  const text = calls
    ? { content: '', reasoning: thinks ? (scenario.reasoning ?? callReasoning[0] ?? '') : '' }
    : (behaviour.text?.(scenario, thinks, messages) ?? replyText(body, messages, scenario, thinks));
  if (webSearch && !calls && !wantsJsonObject(body) && !behaviour.text)
    text.content += `\n\nSources (made up by the offline demo): ${webSearch.map((result) => `[${String(result.refer)}] ${String(result.link)}`).join(', ')}`;

  const deltas: Delta[] = [];
  // Real thinking streams open with a whitespace-only content delta before the reasoning.
  if (text.reasoning !== '') deltas.push({ content: '\n' });
  const reasoningStart = deltas.length;
  const chunkChars = scenario.chunkChars ?? behaviour.chunkChars;
  const pieces = (part: string) =>
    chunkChars !== undefined && chunkChars > 0 ? textChunks(part, chunkChars) : tokenize(part);
  for (const piece of pieces(text.reasoning)) deltas.push({ reasoning: piece });
  const answerStart = deltas.length;
  for (const piece of pieces(text.content)) deltas.push({ content: piece });
  const toolStream = body.stream === true && body.tool_stream === true;
  if (calls) deltas.push(...toolCallDeltas(calls, callReasoning.slice(1), toolStream));

  let finishReason = calls ? 'tool_calls' : 'stop';
  let kept = deltas.length;
  const maxTokens = typeof body.max_tokens === 'number' && body.max_tokens >= 1 ? Math.floor(body.max_tokens) : null;
  if (!calls && maxTokens !== null && maxTokens < deltas.length) {
    kept = maxTokens;
    finishReason = 'length';
  }
  const phases = {
    deltaCount: deltas.length,
    reasoningStart,
    answerStart,
    toolCallDeltas: deltas.length - answerStart,
  };
  const finish = behaviour.finish?.(scenario, phases);
  if (finish) ({ kept, finishReason } = finish);
  const sent = deltas.slice(0, kept);
  if (finishReason === 'tool_calls' && !calls) sent.push({ content: '', finish: 'tool_calls', tool_calls: [toolCall] });
  // The search results ride on the first chunk of a stream.
  const first = sent[0];
  if (webSearch && first) first.extra = { web_search: webSearch };

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
  phases.deltaCount = sent.length;
  return { id, model, objectField, sent, finishReason, usage, phases, toolCalls: calls, webSearch };
}

/** The non-streaming response: the sent deltas joined into one message. */
export function completionBody(plan: ReplyPlan, requestId: string, created: number): Record<string, unknown> {
  const reasoningSent = plan.sent.map((delta) => delta.reasoning ?? '').join('');
  const contentSent = plan.sent.map((delta) => delta.content ?? '').join('');
  const message: Record<string, unknown> = { role: 'assistant', content: contentSent.replace(/^\s+/, '') };
  if (reasoningSent !== '') message.reasoning_content = reasoningSent;
  const last = plan.sent[plan.sent.length - 1];
  if (plan.toolCalls) message.tool_calls = plan.toolCalls;
  else if (last?.tool_calls) message.tool_calls = last.tool_calls;
  const response: Record<string, unknown> = { id: plan.id, request_id: requestId, created, model: plan.model };
  if (plan.objectField) response.object = 'chat.completion';
  if (plan.webSearch) response.web_search = plan.webSearch;
  response.choices = [{ index: 0, finish_reason: plan.finishReason, message }];
  response.usage = plan.usage;
  return response;
}
