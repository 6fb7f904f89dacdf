// Validation of persisted and imported state. Each part is checked on its own so that a bad part is
// replaced by its default while the rest is kept ("salvage what is valid").
import * as z from 'zod/mini';
import { endpointPresets, type EndpointPresetId } from '../core/endpoints';
import { reasoningEffortValues } from '../core/models';
import {
  contentSizeValues,
  defaultToolSettings,
  resultSequenceValues,
  searchRecencyValues,
} from '../core/toolSettings';
import { responseFormatTypes } from '../core/responseFormat';
import { defaultStallTimeoutSeconds, stallTimeoutRange } from '../core/stallTimeout';

// Zod probes `new Function` to compile fast parsers; under the app's CSP (no eval) that probe is refused and
// reported as a CSP violation. The interpreted parsers are plenty fast for these small objects.
z.config({ jitless: true });

const endpointIds = endpointPresets.map((preset) => preset.id) as [EndpointPresetId, ...EndpointPresetId[]];

export const connectionSchema = z.object({
  rememberKey: z.boolean(),
  endpointId: z.enum(endpointIds),
  baseUrl: z.string(),
  keyOrigin: z.nullable(z.string()),
  stallTimeoutSeconds: z._default(
    z.number().check(z.gte(stallTimeoutRange.min), z.lte(stallTimeoutRange.max)),
    defaultStallTimeoutSeconds,
  ),
});

const optionalLimit = z.nullable(z.int().check(z.positive()));
const customModelLimitsSchema = z.object({ contextTokens: optionalLimit, maxOutputTokens: optionalLimit });

const functionToolSchema = z.object({
  id: z.string().check(z.minLength(1)),
  enabled: z.boolean(),
  name: z.string(),
  description: z.string(),
  parameters: z.string(),
});

const webSearchSchema = z.object({
  enabled: z.boolean(),
  searchEngine: z.string(),
  count: z.nullable(z.int().check(z.gte(1), z.lte(50))),
  searchDomainFilter: z.string(),
  searchRecencyFilter: z.nullable(z.enum(searchRecencyValues)),
  contentSize: z.nullable(z.enum(contentSizeValues)),
  resultSequence: z.nullable(z.enum(resultSequenceValues)),
  searchResult: z.boolean(),
  requireSearch: z.boolean(),
  searchPrompt: z.string(),
  searchQuery: z.string(),
  otherFields: z.record(z.string(), z.unknown()),
});

const toolSettingsSchema = z.object({
  functions: z.array(functionToolSchema),
  webSearch: webSearchSchema,
  choice: z.enum(['unset', 'auto']),
  stream: z.boolean(),
});

export const settingsSchema = z.object({
  model: z.string().check(z.minLength(1)),
  thinking: z.boolean(),
  // null follows the endpoint's default; states saved before that existed hold an explicit choice.
  preserveReasoning: z._default(z.nullable(z.boolean()), null),
  stream: z.boolean(),
  temperature: z.number(),
  topP: z.number(),
  maxTokens: z.int().check(z.positive()),
  // States saved before reasoning effort existed get the GLM-5.2 default, unpinned.
  reasoningEffort: z._default(z.enum(reasoningEffortValues), 'max'),
  // States saved before JSON mode existed answer in text, with no answer schema.
  responseFormat: z._default(z.enum(responseFormatTypes), 'text'),
  answerSchema: z._default(z.string(), ''),
  pinned: z.object({
    temperature: z.boolean(),
    top_p: z.boolean(),
    max_tokens: z.boolean(),
    reasoning_effort: z._default(z.boolean(), false),
    response_format: z._default(z.boolean(), false),
  }),
  systemPrompt: z.string(),
  // States saved before the form had tools get none (their extra tool fields move in: settingsWithOwnedExtraFields).
  tools: z._default(toolSettingsSchema, defaultToolSettings),
  // Body fields without a form control (stop…), sent verbatim; states saved before it existed get {}.
  extraFields: z._default(z.record(z.string(), z.unknown()), {}),
  customModelLimits: z._default(z.record(z.string(), customModelLimitsSchema), {}),
});

/** A sent message: content is a string, or content parts when it carries images (checked loosely). */
export const wireMessageSchema = z.looseObject({
  role: z.enum(['system', 'user', 'assistant', 'tool']),
  content: z.union([z.string(), z.array(z.looseObject({ type: z.string() }))]),
});

/** An image on a user turn: its bytes are kept apart (IndexedDB), or it is a remote URL. */
export const turnImageSchema = z.object({
  id: z.string().check(z.minLength(1)),
  name: z.string(),
  mimeType: z.string(),
  size: z.number(),
  width: z.optional(z.number()),
  height: z.optional(z.number()),
  url: z.optional(z.string()),
});

/** A web search result kept with its reply (strings only, as the reply reader keeps them). */
const webSearchSourceSchema = z.object({
  title: z.optional(z.string()),
  link: z.optional(z.string()),
  content: z.optional(z.string()),
  media: z.optional(z.string()),
  icon: z.optional(z.string()),
  refer: z.optional(z.string()),
  publishDate: z.optional(z.string()),
});

/** A tool call on an assistant turn and the result typed for it but not yet sent. */
const turnToolCallSchema = z.object({
  id: z.string(),
  type: z._default(z.string(), 'function'),
  name: z.string(),
  arguments: z.string(),
  resultDraft: z.optional(z.string()),
});

/** Tool calls and tool turns; states and files saved before they existed have neither. */
const toolTurnFields = {
  toolCalls: z.optional(z.array(turnToolCallSchema)),
  toolCallId: z.optional(z.string()),
};

export const replySchema = z.object({
  status: z.enum(['waiting', 'streaming', 'complete', 'stopped', 'interrupted', 'stalled', 'error']),
  request: z.object({
    baseUrl: z.string(),
    body: z.looseObject({ model: z.string(), messages: z.array(wireMessageSchema) }),
  }),
  error: z.nullable(z.looseObject({ title: z.string(), advice: z.string() })),
  finishReason: z.nullable(z.string()),
  usage: z.nullable(
    z.looseObject({ prompt_tokens: z.number(), completion_tokens: z.number(), total_tokens: z.number() }),
  ),
  metrics: z.looseObject({}),
  warnings: z.array(z.string()),
  // Replies saved before web search results were kept have none.
  webSearchSources: z._default(z.array(webSearchSourceSchema), []),
  // The attempts before "Continue" extended the reply; replies saved before it existed have none.
  earlierParts: z.optional(
    z.array(
      z.object({
        status: z.enum(['waiting', 'streaming', 'complete', 'stopped', 'interrupted', 'stalled', 'error']),
        finishReason: z.nullable(z.string()),
        usage: z.nullable(
          z.looseObject({ prompt_tokens: z.number(), completion_tokens: z.number(), total_tokens: z.number() }),
        ),
        metrics: z.looseObject({}),
      }),
    ),
  ),
});

/** A turn's fields as kept for an alternative reply, and what turns saved before alternatives existed lack. */
const iterationFields = {
  // An earlier turn was edited after this reply came; missing means not stale.
  stale: z.optional(z.boolean()),
  alternativeIndex: z.optional(z.int().check(z.nonnegative())),
};

const turnFields = {
  role: z.enum(['user', 'assistant', 'tool']),
  content: z.string(),
  reasoning: z.string(),
  excluded: z.boolean(),
  reply: z.nullable(replySchema),
  // States saved before images existed have none.
  images: z._default(z.array(turnImageSchema), []),
  ...toolTurnFields,
  ...iterationFields,
};

/** An alternative reply of a turn, with the branch of turns that followed it (turns, which may have alternatives). */
// Typed loosely where the two refer to each other (TypeScript cannot infer a recursive type); restored turns are
// cast to Turn where they are read, as before.
type NestedList = z.ZodMiniOptional<z.ZodMiniArray<z.ZodMiniType<object>>>;
export const alternativeSchema: z.ZodMiniType<object> = z.object({
  ...turnFields,
  get followingTurns(): NestedList {
    return z.optional(z.array(turnSchema));
  },
});

export const turnSchema = z.object({
  id: z.string().check(z.minLength(1)),
  ...turnFields,
  // States saved before alternatives existed have none.
  get alternatives(): NestedList {
    return z.optional(z.array(alternativeSchema));
  },
});

export const draftSchema = z.string();

// ---- compare mode (optional in saved states: those saved before it was kept get it closed) --------------

export const compareColumnSchema = z.object({
  id: z.string().check(z.minLength(1)),
  settings: z.object({
    model: z.string().check(z.minLength(1)),
    thinking: z.boolean(),
    stream: z.boolean(),
    temperature: z.number(),
    topP: z.number(),
    maxTokens: z.int().check(z.positive()),
  }),
  result: z._default(z.nullable(z.object({ content: z.string(), reasoning: z.string(), reply: replySchema })), null),
});

/** The columns are checked one by one (compareColumnSchema): a bad one is dropped, the others kept. */
export const compareSchema = z.object({
  open: z._default(z.boolean(), false),
  columns: z._default(z.array(z.unknown()), []),
  /** The transcript a run answered, by turn id, and the draft it sent. */
  run: z._default(z.nullable(z.object({ turnIds: z.array(z.string()), draft: z.string() })), null),
});
export const draftImagesSchema = z.array(turnImageSchema);
/** Long pasted texts attached to the draft; states saved before they existed have none. */
export const draftTextsSchema = z._default(
  z.array(z.object({ id: z.string().check(z.minLength(1)), text: z.string() })),
  [],
);

// ---- conversation files (Export / Import conversation) ----------------------------------------------

export const conversationFileFormat = 'glm-playground-conversation';
export const conversationFileVersion = 1;

/** A turn in an imported file. Ids are reassigned on import, so they may be missing; optional parts default. */
export const fileTurnSchema = z.object({
  id: z.optional(z.string()),
  role: z.enum(['user', 'assistant', 'tool']),
  content: z.string(),
  reasoning: z._default(z.string(), ''),
  excluded: z._default(z.boolean(), false),
  reply: z._default(z.nullable(replySchema), null),
  // Descriptions only: the bytes are found in this browser's IndexedDB, or the image shows as not available.
  images: z._default(z.array(turnImageSchema), []),
  ...toolTurnFields,
  ...iterationFields,
  alternatives: z.optional(z.array(alternativeSchema)),
});

/** The body of an exported conversation file (format and version are checked first, for clearer messages). */
export const conversationFileSchema = z.object({
  format: z.literal(conversationFileFormat),
  version: z.int().check(z.positive()),
  exportedAt: z.optional(z.string()),
  settings: z.optional(z.partial(settingsSchema)),
  turns: z.array(fileTurnSchema),
});
