import { describe, expect, it } from 'vitest';
import { finishedToolCalls, mergeToolCallDeltas, type AssembledToolCall } from '../../src/core/toolCalls';
import { argumentViolations, parseToolArguments, toolParametersSchema } from '../../src/core/toolArguments';

function assemble(...deltas: unknown[][]): AssembledToolCall[] {
  return deltas.reduce<AssembledToolCall[]>((calls, entries) => mergeToolCallDeltas(calls, entries), []);
}

const first = { index: 0, id: 'call_a', type: 'function', function: { name: 'lookup_order', arguments: '{"order":' } };

describe('tool-call delta assembly', () => {
  it('joins the argument pieces of one index in arrival order', () => {
    const calls = assemble(
      [first],
      [{ index: 0, function: { arguments: '"A-17"' } }],
      [{ index: 0, function: { arguments: '}' } }],
    );
    expect(finishedToolCalls(calls)).toEqual([
      { id: 'call_a', type: 'function', name: 'lookup_order', arguments: '{"order":"A-17"}' },
    ]);
  });

  it('keeps the id, type and name of the first delta that has them when later deltas repeat or change them', () => {
    const calls = assemble([first], [{ index: 0, id: 'call_a', function: { name: 'other', arguments: '"A"}' } }]);
    expect(calls[0]).toMatchObject({ id: 'call_a', name: 'lookup_order', arguments: '{"order":"A"}' });
  });

  it('takes the id from a later delta when the first had none', () => {
    const calls = assemble([{ index: 0, function: { name: 'f', arguments: '' } }], [{ index: 0, id: 'late' }]);
    expect(calls[0]?.id).toBe('late');
  });

  it('keeps several calls of one reply apart, by index, even when their pieces interleave', () => {
    const calls = assemble(
      [{ index: 0, id: 'a', type: 'function', function: { name: 'one', arguments: '{"x"' } }],
      [{ index: 1, id: 'b', type: 'function', function: { name: 'two', arguments: '{"y"' } }],
      [{ index: 0, function: { arguments: ':1}' } }],
      [{ index: 1, function: { arguments: ':2}' } }],
    );
    expect(finishedToolCalls(calls).map((call) => [call.id, call.name, call.arguments])).toEqual([
      ['a', 'one', '{"x":1}'],
      ['b', 'two', '{"y":2}'],
    ]);
  });

  it('serialises arguments that arrive as an object', () => {
    const calls = assemble([
      { index: 0, id: 'a', type: 'function', function: { name: 'f', arguments: { city: 'Oslo' } } },
    ]);
    expect(calls[0]?.arguments).toBe('{"city":"Oslo"}');
  });

  it('reads a non-streamed message list, whose entries have no index, by position', () => {
    const calls = assemble([
      { id: 'a', type: 'function', function: { name: 'one', arguments: '{}' } },
      { id: 'b', type: 'function', function: { name: 'two', arguments: '{}' } },
    ]);
    expect(calls.map((call) => [call.index, call.id])).toEqual([
      [0, 'a'],
      [1, 'b'],
    ]);
  });

  it('keeps a call cut mid-arguments as far as it arrived', () => {
    const calls = assemble([first]);
    expect(finishedToolCalls(calls)[0]?.arguments).toBe('{"order":');
  });

  it('skips entries that are not objects', () => {
    expect(assemble([null, 'x', 3])).toEqual([]);
  });

  it('gives a call without a type the type function', () => {
    expect(finishedToolCalls(assemble([{ index: 0, id: 'a', function: { name: 'f' } }]))[0]?.type).toBe('function');
  });
});

describe('tool-call arguments', () => {
  it('pretty-prints arguments that are JSON', () => {
    expect(parseToolArguments('{"order":"A-17"}')).toEqual({
      ok: true,
      value: { order: 'A-17' },
      pretty: '{\n  "order": "A-17"\n}',
    });
  });

  it('says where arguments stop being JSON', () => {
    const parsed = parseToolArguments('{\n  "order": }');
    expect(parsed).toMatchObject({ ok: false, line: 2, column: 12 });
  });

  it('reports empty arguments', () => {
    expect(parseToolArguments('  ')).toMatchObject({ ok: false, message: 'The arguments are empty.' });
  });

  it('finds the parameters of the named function among the request tools', () => {
    const parameters = { type: 'object' };
    const body = {
      tools: [
        { type: 'web_search', web_search: { enable: true } },
        { type: 'function', function: { name: 'lookup_order', parameters } },
      ],
    };
    expect(toolParametersSchema(body, 'lookup_order')).toBe(parameters);
    expect(toolParametersSchema(body, 'missing')).toBeNull();
    expect(toolParametersSchema({}, 'lookup_order')).toBeNull();
  });

  it('lists the schema violations of the arguments', async () => {
    const schema = { type: 'object', properties: { order: { type: 'string' } }, required: ['order'] };
    const violations = await argumentViolations(schema, { order: 17 });
    expect(violations.map((violation) => violation.path)).toEqual(['/order']);
  });

  it('reports a parameters schema it cannot use instead of failing', async () => {
    const violations = await argumentViolations({ type: 'obj' }, {});
    expect(violations).toHaveLength(1);
    expect(violations[0]?.message).toMatch(/not a valid JSON Schema/);
  });
});
