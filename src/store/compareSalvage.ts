// Compare mode as read back from a saved state (loaded with the saved state, not before the first paint).
import { maxCompareColumns, minCompareColumns, type CompareColumn } from './compareSlice';
import { settledColumn, type PersistedCompare } from './compareSaving';
import { compareColumnSchema, compareSchema } from './schema';

/** Each part on its own; a column that cannot be read is dropped, and fewer than two start afresh on opening. */
export function salvageCompare(persisted: unknown): PersistedCompare | null {
  const parsed = compareSchema.safeParse(persisted ?? {});
  if (!parsed.success) return null;
  const columns: CompareColumn[] = [];
  for (const raw of parsed.data.columns) {
    const column = compareColumnSchema.safeParse(raw);
    if (column.success) columns.push(settledColumn(column.data as CompareColumn));
  }
  const usable = columns.length >= minCompareColumns ? columns.slice(0, maxCompareColumns) : [];
  return { open: parsed.data.open, columns: usable, run: usable.length > 0 ? parsed.data.run : null };
}
