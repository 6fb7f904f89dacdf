// The display preferences as read back from a saved state (loaded with the saved state, not before the first paint).
// schema.ts sets zod's CSP-safe (jitless) mode before any schema here is built.
import './schema';
import * as z from 'zod/mini';
import { initialPreferences, type PreferencesState } from './preferencesSlice';

const expansionSchema = z.enum(['collapse-after-thinking', 'always-expanded']);
const formatSchema = z.enum(['plain', 'markdown']);
const mockResultsSchema = z.record(z.string(), z.string());

/** Each saved choice on its own: an unknown value falls back to its default, the other choice stays. */
export function salvagePreferences(persisted: unknown): PreferencesState {
  const defaults = initialPreferences();
  if (typeof persisted !== 'object' || persisted === null) return defaults;
  const record = persisted as Record<string, unknown>;
  const expansion = expansionSchema.safeParse(record.reasoningExpansion);
  const format = formatSchema.safeParse(record.reasoningFormat);
  // States saved before mock results existed have none.
  const mockResults = mockResultsSchema.safeParse(record.toolMockResults);
  return {
    ...defaults,
    reasoningExpansion: expansion.success ? expansion.data : defaults.reasoningExpansion,
    reasoningFormat: format.success ? format.data : defaults.reasoningFormat,
    toolMockResults: mockResults.success ? mockResults.data : defaults.toolMockResults,
  };
}
