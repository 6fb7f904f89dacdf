// The scenario table is the one list of faults: every entry works as a `[mock:name]` directive, through the control
// API and in the `npm run mock -- --help` listing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDirective } from '../../mock-zai/directive';
import {
  finishReasons,
  isKnownScenario,
  scenarioFamilies,
  scenarioListing,
  scenarioNames,
  scenarioTable,
} from '../../mock-zai/scenarios';
import { startMockServer } from '../../mock-zai/server';

type MockServer = Awaited<ReturnType<typeof startMockServer>>;
let mock: MockServer;

beforeAll(async () => {
  mock = await startMockServer({ chunkDelayMs: 0 });
});
afterAll(async () => {
  await mock.close();
});

const familyMembers = [
  'error-401',
  'error-429',
  'error-1113',
  'error-1301',
  ...finishReasons.map((reason) => `finish-${reason}`),
];

describe('the scenario table', () => {
  it('names every entry once, plain names and families together', () => {
    expect([...scenarioNames, ...scenarioFamilies]).toEqual(Object.keys(scenarioTable));
    expect(scenarioFamilies).toEqual(['error-<code>', 'finish-<reason>']);
  });

  it.each([...scenarioNames, ...familyMembers])('accepts [mock:%s] as a directive', (name) => {
    expect(parseDirective(`Hello [mock:${name}]`)?.name).toBe(name);
    expect(isKnownScenario(name)).toBe(true);
  });

  it('rejects names outside the table, including the family placeholders themselves', () => {
    for (const name of ['nope', 'error-<code>', 'finish-<reason>', 'finish-maybe', 'error-12', 'constructor'])
      expect(isKnownScenario(name)).toBe(false);
  });

  it('lists every entry in the --help listing', () => {
    const listing = scenarioListing();
    for (const name of Object.keys(scenarioTable))
      expect(listing.some((line) => line.startsWith(`${name}: `))).toBe(true);
  });

  it('is what GET /__mock/scenarios lists and what POST /__mock/scenario accepts', async () => {
    const listed: unknown = await (await fetch(`${mock.url}/__mock/scenarios`)).json();
    expect(listed).toMatchObject({ names: scenarioNames, families: scenarioFamilies, finishReasons });
    for (const name of [...scenarioNames, ...familyMembers]) expect(() => mock.queue({ name })).not.toThrow();
    expect(() => mock.queue({ name: 'nope' })).toThrow(/Unknown mock scenario "nope"/);
    mock.reset();
  });
});
