// Numbers a JSON text writes that JavaScript cannot carry as written: a whole number beyond 2^53 (12345678901234567890
// would be sent as 12345678901234567000), one that overflows to Infinity (1e400 would be sent as null) and -0 (sent
// as 0). The JSON tab and cURL import refuse them, naming the field and the value (docs/wire-format.md#exact-numbers),
// rather than send something other than what was written.
import type { JsonLocations } from './jsonLocations';

const numberToken = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** Why `token` cannot be carried exactly, or null when it can. */
export function inexactNumberReason(token: string): string | null {
  const value = Number(token);
  if (!Number.isFinite(value)) return `it is too large for a JSON number in the browser and would be sent as null`;
  if (Object.is(value, -0)) return 'it would be sent as 0';
  if (/^-?\d+$/.test(token) && !Number.isSafeInteger(value) && BigInt(token) !== BigInt(value))
    return `whole numbers beyond 2^53 lose digits: it would be sent as ${JSON.stringify(value)}`;
  return null;
}

export interface InexactNumber {
  path: string;
  token: string;
  offset: number;
  reason: string;
}

/** Every number value in `text` (located by locateJson) that would not be sent as written. */
export function inexactNumbers(text: string, locations: JsonLocations): InexactNumber[] {
  const found: InexactNumber[] = [];
  for (const [path, offset] of locations.values) {
    numberToken.lastIndex = offset;
    const token = numberToken.exec(text)?.[0];
    if (token === undefined) continue;
    const reason = inexactNumberReason(token);
    if (reason !== null) found.push({ path, token, offset, reason });
  }
  return found;
}
