// The request history as read back from a saved state (loaded with the saved state, not before the first paint).
import * as z from 'zod/mini';
// Before any schema is built: schema.ts turns off zod's eval probe, which the app's CSP reports as a violation.
import { wireMessageSchema } from './schema';
import {
  clampHistoryLimit,
  defaultHistoryLimit,
  initialHistory,
  type HistoryEntry,
  type HistoryState,
} from './historySlice';
import { formatInteger } from '../core/numberFormat';

const historyEntrySchema = z.object({
  id: z.string().check(z.minLength(1)),
  sentAt: z.number(),
  request: z.object({
    baseUrl: z.string(),
    body: z.looseObject({
      model: z.string(),
      messages: z.array(wireMessageSchema),
    }),
  }),
  status: z.enum(['waiting', 'streaming', 'complete', 'stopped', 'interrupted', 'stalled', 'error']),
  finishReason: z.nullable(z.string()),
  usage: z.nullable(
    z.looseObject({ prompt_tokens: z.number(), completion_tokens: z.number(), total_tokens: z.number() }),
  ),
  latencyMs: z.nullable(z.number()),
  errorTitle: z.nullable(z.string()),
});

/** Readable entries only (a damaged one is dropped; history is a convenience, not a record to repair). */
export function salvageHistory(raw: unknown): HistoryState {
  return salvageHistoryCounted(raw).history;
}

/** The salvaged history and how many readable entries there were before the limit cut the oldest. */
export function salvageHistoryCounted(raw: unknown): { history: HistoryState; readable: number } {
  if (typeof raw !== 'object' || raw === null) return { history: initialHistory(), readable: 0 };
  const record = raw as Record<string, unknown>;
  const limit = typeof record.limit === 'number' ? clampHistoryLimit(record.limit) : defaultHistoryLimit;
  const entries: HistoryEntry[] = [];
  for (const candidate of Array.isArray(record.entries) ? record.entries : []) {
    const parsed = historyEntrySchema.safeParse(candidate);
    // Content parts are checked loosely (schema.ts), so the parsed type is wider than HistoryEntry.
    if (parsed.success) entries.push(parsed.data as HistoryEntry);
  }
  return { history: { limit, entries: entries.slice(0, limit) }, readable: entries.length };
}

/** Said when a saved history held more entries than its limit: the oldest were not kept. */
export function historyCutText(readable: number, limit: number): string {
  return `Your saved request history held ${formatInteger(readable)} entries, more than its limit of ${limit}: only the newest ${limit} were kept.`;
}
