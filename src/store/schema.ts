// Validation of persisted and imported state. Each part is checked on its own so that a bad part is
// replaced by its default while the rest is kept ("salvage what is valid").
import * as z from 'zod/mini';
import { endpointPresets, type EndpointPresetId } from '../core/endpoints';
import { reasoningEffortValues } from '../core/models';
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
  pinned: z.object({
    temperature: z.boolean(),
    top_p: z.boolean(),
    max_tokens: z.boolean(),
    reasoning_effort: z._default(z.boolean(), false),
  }),
  systemPrompt: z.string(),
  // Body fields without a form control (tools, stop…), sent verbatim; states saved before it existed get {}.
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
});

export const turnSchema = z.object({
  id: z.string().check(z.minLength(1)),
  role: z.enum(['user', 'assistant']),
  content: z.string(),
  reasoning: z.string(),
  excluded: z.boolean(),
  reply: z.nullable(replySchema),
  // States saved before images existed have none.
  images: z._default(z.array(turnImageSchema), []),
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

// ---- conversation files (Export / Import conversation) ----------------------------------------------

export const conversationFileFormat = 'glm-playground-conversation';
export const conversationFileVersion = 1;

/** A turn in an imported file. Ids are reassigned on import, so they may be missing; optional parts default. */
export const fileTurnSchema = z.object({
  id: z.optional(z.string()),
  role: z.enum(['user', 'assistant']),
  content: z.string(),
  reasoning: z._default(z.string(), ''),
  excluded: z._default(z.boolean(), false),
  reply: z._default(z.nullable(replySchema), null),
  // Descriptions only: the bytes are found in this browser's IndexedDB, or the image shows as not available.
  images: z._default(z.array(turnImageSchema), []),
});

/** The body of an exported conversation file (format and version are checked first, for clearer messages). */
export const conversationFileSchema = z.object({
  format: z.literal(conversationFileFormat),
  version: z.int().check(z.positive()),
  exportedAt: z.optional(z.string()),
  settings: z.optional(z.partial(settingsSchema)),
  turns: z.array(fileTurnSchema),
});
