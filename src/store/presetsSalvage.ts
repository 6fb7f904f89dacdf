// The user's presets as read back from a saved state (loaded with the saved state, not before the first paint).
import * as z from 'zod/mini';
// Before any schema is built: schema.ts turns off zod's eval probe, which the app's CSP reports as a violation.
import './schema';
import { isRecord } from '../core/json';
import { reasoningEffortValues } from '../core/models';
import { responseFormatTypes } from '../core/responseFormat';
import type { Preset, PresetsState } from './presetsSlice';

const presetSchema = z.object({
  id: z.string().check(z.minLength(1)),
  name: z.string().check(z.minLength(1)),
  description: z.string(),
  builtIn: z.literal(false),
  values: z.object({
    model: z.optional(z.string().check(z.minLength(1))),
    thinking: z.optional(z.boolean()),
    preserveReasoning: z.optional(z.nullable(z.boolean())),
    stream: z.optional(z.boolean()),
    temperature: z.optional(z.number()),
    topP: z.optional(z.number()),
    maxTokens: z.optional(z.int().check(z.positive())),
    reasoningEffort: z.optional(z.enum(reasoningEffortValues)),
    responseFormat: z.optional(z.enum(responseFormatTypes)),
    pinned: z.optional(
      z.object({
        temperature: z.optional(z.boolean()),
        top_p: z.optional(z.boolean()),
        max_tokens: z.optional(z.boolean()),
        reasoning_effort: z.optional(z.boolean()),
        response_format: z.optional(z.boolean()),
      }),
    ),
  }),
});

/** Readable saved presets; a damaged one is dropped. */
export function salvagePresets(raw: unknown): PresetsState {
  const saved: Preset[] = [];
  const list: unknown[] = isRecord(raw) && Array.isArray(raw.saved) ? raw.saved : [];
  for (const candidate of list) {
    const parsed = presetSchema.safeParse(candidate);
    if (parsed.success) saved.push(parsed.data);
  }
  return { saved };
}
