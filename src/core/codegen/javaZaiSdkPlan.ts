// How each body field reaches the wire through the Java SDK (docs/wire-format.md, "Java, official SDK"):
// a typed ChatCompletionCreateParams setter where the SDK has one whose JSON is the same, otherwise the field
// goes into extraJson, which CommonRequest's @JsonAnyGetter writes at the top level of the body.
import type { ChatRequestBody } from '../request';
import { javaLiteral } from './javaLiteral';
import { commentText, javaString, javaStringExpression } from './quoting';

export interface JavaSdkPlan {
  /** Builder calls after .model(…) and .messages(…), e.g. `.stream(true)`. */
  calls: string[];
  /** Fields sent through .extraJson(map(…)), in body order. */
  extraJson: Record<string, unknown>;
  /** The ChatMessage builder expression of each message. */
  messages: string[];
  /** Where the SDK's body differs from the app's, one comment line each. */
  differences: string[];
  /** SDK classes the code uses besides the client, params and message classes. */
  classes: Set<string>;
}

type JsonObject = Record<string, unknown>;

function isRecord(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasOnlyKeys(value: JsonObject, allowed: readonly string[]): boolean {
  return Object.keys(value).every((key) => allowed.includes(key));
}

function hasOnlyStrings(value: JsonObject, keys: readonly string[]): boolean {
  return keys.every((key) => value[key] === undefined || typeof value[key] === 'string');
}

/** Jackson writes a Float with Float.toString: exact for the app's two-decimal values, not for every double. */
function isFloatExact(value: number): boolean {
  return Number.isFinite(value) && Number(value.toPrecision(6)) === value;
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/** A function tool the ChatTool / ChatFunction classes carry unchanged (ChatFunction: name, description, parameters). */
function isTypedFunctionTool(tool: unknown): tool is { type: string; function: JsonObject } {
  return (
    isRecord(tool) &&
    hasOnlyKeys(tool, ['type', 'function']) &&
    tool.type === 'function' &&
    isRecord(tool.function) &&
    hasOnlyKeys(tool.function, ['name', 'description', 'parameters']) &&
    hasOnlyStrings(tool.function, ['name', 'description'])
  );
}

function toolExpression(tool: { type: string; function: JsonObject }, indent: string): string {
  const fn = tool.function;
  let function_ = 'ChatFunction.builder()';
  if (typeof fn.name === 'string') function_ += `.name(${javaString(fn.name)})`;
  if (typeof fn.description === 'string') function_ += `.description(${javaStringExpression(fn.description)})`;
  if (fn.parameters !== undefined) function_ += `.parameters(${javaLiteral(fn.parameters, indent)})`;
  return `ChatTool.builder().type(${javaString(tool.type)}).function(${function_}.build()).build()`;
}

/** A tool call ToolCalls carries unchanged: id, type, function {name, arguments as a JSON string}. */
function isTypedToolCall(call: unknown): call is JsonObject {
  return (
    isRecord(call) &&
    hasOnlyKeys(call, ['id', 'type', 'function']) &&
    hasOnlyStrings(call, ['id', 'type']) &&
    (call.function === undefined ||
      (isRecord(call.function) &&
        hasOnlyKeys(call.function, ['name', 'arguments']) &&
        hasOnlyStrings(call.function, ['name', 'arguments'])))
  );
}

function toolCallExpression(call: JsonObject): string {
  let expression = 'ToolCalls.builder()';
  if (typeof call.id === 'string') expression += `.id(${javaString(call.id)})`;
  if (typeof call.type === 'string') expression += `.type(${javaString(call.type)})`;
  if (isRecord(call.function)) {
    let function_ = 'ChatFunctionCall.builder()';
    if (typeof call.function.name === 'string') function_ += `.name(${javaString(call.function.name)})`;
    // arguments is a JsonNode in the SDK; a TextNode is written as the JSON string the app sends.
    if (typeof call.function.arguments === 'string')
      function_ += `.arguments(TextNode.valueOf(${javaStringExpression(call.function.arguments)}))`;
    expression += `.function(${function_}.build())`;
  }
  return expression + '.build()';
}

const messageStringSetters: Record<string, string> = {
  role: 'role',
  reasoning_content: 'reasoningContent',
  name: 'name',
  tool_call_id: 'toolCallId',
};

function planMessage(message: JsonObject, index: number, plan: JavaSdkPlan): string {
  let expression = 'ChatMessage.builder()';
  for (const [key, value] of Object.entries(message)) {
    const setter = messageStringSetters[key];
    if (setter && typeof value === 'string') expression += `.${setter}(${javaStringExpression(value)})`;
    else if (key === 'content' && value !== null) expression += `.content(${javaLiteral(value)})`;
    else if (key === 'tool_calls' && Array.isArray(value) && value.every(isTypedToolCall)) {
      plan.classes.add('ToolCalls').add('ChatFunctionCall');
      plan.classes.add('com.fasterxml.jackson.databind.node.TextNode');
      expression += `.toolCalls(Arrays.asList(${value.map(toolCallExpression).join(', ')}))`;
    } else if (value === null) {
      plan.differences.push(`messages[${index}].${commentText(key)} is null: the SDK (NON_NULL) leaves it out.`);
    } else {
      plan.differences.push(
        `messages[${index}].${commentText(key)} does not fit ChatMessage's typed field: the SDK leaves it out.`,
      );
    }
  }
  return expression + '.build()';
}

/** Plans the builder for `body` (image URLs may already be code expressions, see images.ts). */
export function planJavaSdkBuilder(body: ChatRequestBody): JavaSdkPlan {
  const plan: JavaSdkPlan = { calls: [], extraJson: {}, messages: [], differences: [], classes: new Set() };
  for (const [name, value] of Object.entries(body)) {
    if (value === undefined || name === 'model' || name === 'messages') continue;
    if (name === 'stream' && typeof value === 'boolean') plan.calls.push(`.stream(${value})`);
    else if (name === 'thinking' && isRecord(value) && hasOnlyKeys(value, ['type']) && typeof value.type === 'string') {
      plan.classes.add('ChatThinking');
      plan.calls.push(`.thinking(ChatThinking.builder().type(${javaString(value.type)}).build())`);
    } else if (name === 'temperature' && typeof value === 'number' && isFloatExact(value))
      plan.calls.push(`.temperature(${value}f)`);
    else if (name === 'top_p' && typeof value === 'number' && isFloatExact(value)) plan.calls.push(`.topP(${value}f)`);
    else if (
      name === 'max_tokens' &&
      typeof value === 'number' &&
      Number.isInteger(value) &&
      Math.abs(value) <= 2147483647
    )
      plan.calls.push(`.maxTokens(${value})`);
    else if (name === 'do_sample' && typeof value === 'boolean') plan.calls.push(`.doSample(${value})`);
    else if (name === 'tool_stream' && typeof value === 'boolean') plan.calls.push(`.tool_stream(${value})`);
    else if (name === 'stop' && isStringArray(value)) plan.calls.push(`.stop(${javaLiteral(value)})`);
    else if (name === 'request_id' && typeof value === 'string')
      plan.calls.push(`.requestId(${javaStringExpression(value)})`);
    else if (name === 'user_id' && typeof value === 'string')
      plan.calls.push(`.userId(${javaStringExpression(value)})`);
    else if (name === 'tool_choice' && value !== null) plan.calls.push(`.toolChoice(${javaLiteral(value)})`);
    else if (
      name === 'response_format' &&
      isRecord(value) &&
      hasOnlyKeys(value, ['type']) &&
      typeof value.type === 'string'
    ) {
      plan.classes.add('ResponseFormat');
      plan.calls.push(`.responseFormat(ResponseFormat.builder().type(${javaString(value.type)}).build())`);
    } else if (name === 'tools' && Array.isArray(value) && value.length > 0 && value.every(isTypedFunctionTool)) {
      plan.classes.add('ChatTool').add('ChatFunction');
      plan.calls.push(
        `.tools(Arrays.asList(\n${value.map((tool) => '    ' + toolExpression(tool, '    ')).join(',\n')}))`,
      );
    } else plan.extraJson[name] = value;
  }
  body.messages.forEach((message, index) =>
    plan.messages.push(planMessage(message as unknown as JsonObject, index, plan)),
  );
  return plan;
}
