import { describe, expect, it } from 'vitest';
import { readAnswerSchema, readJsonAnswer, readJsonText } from '../../src/core/jsonAnswer';

describe('readJsonAnswer', () => {
  it('reads a JSON answer', () => {
    expect(readJsonAnswer('{"city": "Paris", "days": [1, 2]}')).toEqual({
      fenced: false,
      reading: { ok: true, value: { city: 'Paris', days: [1, 2] } },
    });
  });

  it('says where an answer stops being JSON, by line and column', () => {
    const { reading } = readJsonAnswer('{\n  "city": "Paris",\n  "days": [1, 2,]\n}');
    expect(reading).toEqual({
      ok: false,
      problem: expect.objectContaining({ line: 3, column: 17, excerpt: '  "days": [1, 2,]' }) as unknown,
    });
  });

  it('counts lines from the first line shown (leading blank lines are not shown)', () => {
    const { reading } = readJsonAnswer('\n\n{"a": tru}');
    expect(reading.ok ? null : reading.problem).toMatchObject({ line: 1, column: 7 });
  });

  it('reads the JSON inside one ```json fence and says it did', () => {
    expect(readJsonAnswer('```json\n{"ok": true}\n```')).toEqual({
      fenced: true,
      reading: { ok: true, value: { ok: true } },
    });
    expect(readJsonAnswer('```\n[1]\n```\n').fenced).toBe(true);
  });

  it('reports lines of a fenced answer as the answer shows them', () => {
    const { fenced, reading } = readJsonAnswer('```json\n{\n  "a": 1\n  "b": 2\n}\n```');
    expect(fenced).toBe(true);
    expect(reading.ok ? null : reading.problem).toMatchObject({ line: 4, column: 3 });
  });

  it('does not strip a fence with text around it', () => {
    const { fenced, reading } = readJsonAnswer('Here it is:\n```json\n{}\n```');
    expect(fenced).toBe(false);
    expect(reading.ok).toBe(false);
  });

  it('reports an empty answer as not JSON', () => {
    expect(readJsonAnswer('').reading).toMatchObject({ ok: false, problem: { line: 1, column: 1 } });
  });

  it('cuts a long offending line around the column', () => {
    const line = `{"text": "${'x'.repeat(200)}" oops, "more": "${'y'.repeat(200)}"}`;
    const reading = readJsonText(line);
    expect(reading.ok ? null : reading.problem.excerpt).toMatch(/^….{70,90}…$/);
  });
});

describe('readAnswerSchema', () => {
  it('is none when blank', () => {
    expect(readAnswerSchema('  \n')).toEqual({ kind: 'none' });
  });

  it('reads a schema', () => {
    expect(readAnswerSchema('{"type": "object"}')).toEqual({ kind: 'schema', schema: { type: 'object' } });
  });

  it('says where the schema text is not JSON', () => {
    expect(readAnswerSchema('{\n  type: "object"\n}')).toMatchObject({
      kind: 'invalid-json',
      problem: { line: 2, column: 3 },
    });
  });
});
