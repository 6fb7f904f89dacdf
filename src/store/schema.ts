// Validation of persisted and imported state. Each part is checked on its own so that a bad part is
// replaced by its default while the rest is kept ("salvage what is valid").
import { z } from 'zod';
import { endpointPresets, type EndpointPresetId } from '../core/endpoints';

// Zod probes `new Function` to compile fast parsers; under the app's CSP (no eval) that probe is refused and
// reported as a CSP violation. The interpreted parsers are plenty fast for these small objects.
z.config({ jitless: true });

const endpointIds = endpointPresets.map((preset) => preset.id) as [EndpointPresetId, ...EndpointPresetId[]];

export const connectionSchema = z.object({
  rememberKey: z.boolean(),
  endpointId: z.enum(endpointIds),
  baseUrl: z.string(),
  keyOrigin: z.string().nullable(),
  stallTimeoutSeconds: z.number().min(5).max(600).default(60),
});

export const settingsSchema = z.object({
  model: z.string().min(1),
  thinking: z.boolean(),
  preserveReasoning: z.boolean(),
  stream: z.boolean(),
  temperature: z.number().finite(),
  topP: z.number().finite(),
  maxTokens: z.number().int().positive(),
  pinned: z.object({ temperature: z.boolean(), top_p: z.boolean(), max_tokens: z.boolean() }),
  systemPrompt: z.string(),
  // Body fields without a form control (tools, stop…), sent verbatim; states saved before it existed get {}.
  extraFields: z.record(z.string(), z.unknown()).default({}),
});

const wireMessageSchema = z.object({ role: z.enum(['system', 'user', 'assistant', 'tool']), content: z.string() }).passthrough();

const replySchema = z.object({
  status: z.enum(['waiting', 'streaming', 'complete', 'stopped', 'interrupted', 'stalled', 'error']),
  request: z.object({ baseUrl: z.string(), body: z.object({ model: z.string(), messages: z.array(wireMessageSchema) }).passthrough() }),
  error: z.object({ title: z.string(), advice: z.string() }).passthrough().nullable(),
  finishReason: z.string().nullable(),
  usage: z.object({ prompt_tokens: z.number(), completion_tokens: z.number(), total_tokens: z.number() }).passthrough().nullable(),
  metrics: z.object({}).passthrough(),
  warnings: z.array(z.string()),
});

export const turnSchema = z.object({
  id: z.string().min(1),
  role: z.enum(['user', 'assistant']),
  content: z.string(),
  reasoning: z.string(),
  excluded: z.boolean(),
  reply: replySchema.nullable(),
});

export const draftSchema = z.string();

// ---- conversation files (Export / Import conversation) ----------------------------------------------

export const conversationFileFormat = 'glm-playground-conversation';
export const conversationFileVersion = 1;

/** A turn in an imported file. Ids are reassigned on import, so they may be missing; optional parts default. */
export const fileTurnSchema = z.object({
  id: z.string().optional(),
  role: z.enum(['user', 'assistant']),
  content: z.string(),
  reasoning: z.string().default(''),
  excluded: z.boolean().default(false),
  reply: replySchema.nullable().default(null),
});

/** The body of an exported conversation file (format and version are checked first, for clearer messages). */
export const conversationFileSchema = z.object({
  format: z.literal(conversationFileFormat),
  version: z.number().int().positive(),
  exportedAt: z.string().optional(),
  settings: settingsSchema.partial().optional(),
  turns: z.array(fileTurnSchema),
});
