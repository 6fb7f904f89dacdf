// A scenario written into a message by hand, e.g. `[mock:error-429]` or `[mock:slow delayMs=300]`, so the offline
// demo can show faults without the control API.
import type { Scenario } from './scenarioTypes.ts';

export const directivePattern = /\[mock:([a-z0-9_-]+)((?:\s+[a-zA-Z]+=[^\s\]]+)*)\s*\]/;

/** The scenario of the first directive in `text` (numbers and booleans typed), or null. */
export function parseDirective(text: string): Scenario | null {
  const match = directivePattern.exec(text);
  if (!match || !match[1]) return null;
  const scenario: Record<string, unknown> = { name: match[1] };
  for (const pair of (match[2] ?? '').trim().split(/\s+/).filter(Boolean)) {
    const [key = '', value = ''] = pair.split('=');
    scenario[key] = /^-?\d+(\.\d+)?$/.test(value)
      ? Number(value)
      : value === 'true'
        ? true
        : value === 'false'
          ? false
          : value;
  }
  return scenario as unknown as Scenario;
}
