import { describe, expect, it } from 'vitest';
import {
  invalidJsonEventWarning,
  maxReplyWarnings,
  mergeWarnings,
  wrongTypeEventWarning,
} from '../../src/core/replyWarnings';

describe('reply warnings', () => {
  it('keeps a single note as it is', () => {
    expect(mergeWarnings([], [invalidJsonEventWarning])).toEqual([invalidJsonEventWarning]);
  });

  it('counts 50,000 broken events in one note, across any number of merges', () => {
    let warnings: string[] = [];
    for (let batch = 0; batch < 50; batch += 1)
      warnings = mergeWarnings(
        warnings,
        Array.from({ length: 1000 }, () => invalidJsonEventWarning),
      );
    expect(warnings).toEqual([
      '50,000 events from the server were malformed (not valid JSON, or a field of the wrong type); what they held was skipped.',
    ]);
  });

  it('counts events with a wrong-typed field in the same note as invalid JSON', () => {
    const warnings = mergeWarnings([invalidJsonEventWarning], [wrongTypeEventWarning('choices[0].delta.content')]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^2 events from the server were malformed/);
  });

  it('counts other repeated notes and keeps their order', () => {
    const ping = 'An unknown event type "ping" was ignored.';
    expect(mergeWarnings(['First.', ping], [ping, ping, 'First.'])).toEqual(['First. (2 times)', `${ping} (3 times)`]);
  });

  it('keeps the list bounded, stating how many notes were left out', () => {
    const many = Array.from({ length: maxReplyWarnings + 5 }, (_, index) => `Note ${index}.`);
    const warnings = mergeWarnings([], many);
    expect(warnings).toHaveLength(maxReplyWarnings + 1);
    expect(warnings.at(-1)).toBe('5 more notes were left out.');
    expect(mergeWarnings(warnings, ['Another.']).at(-1)).toBe('6 more notes were left out.');
  });
});
