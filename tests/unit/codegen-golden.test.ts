// Pins the exported text for a few fixtures, so any change in generated code is a visible diff.
// Rewrite the files with: UPDATE_GOLDEN=1 npx vitest run tests/unit/codegen-golden.test.ts
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { codeTargets, generateCode } from '../../src/core/codegen';
import { toolLoopOption } from '../../src/core/codegen/toolLoop';
import { requestFixtures, toolLoopRequests } from '../fixtures/codegen/requests';

const goldenDirectory = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/codegen/golden');
const update = process.env.UPDATE_GOLDEN === '1';

/** Fixtures whose minimal quick-start is pinned as well (as <name>.minimal.<target>). */
const minimalGolden = new Set(['stream-thinking', 'complete-no-thinking', 'image-message']);

describe('golden exports', () => {
  const cases = requestFixtures
    .filter((candidate) => candidate.golden)
    .flatMap((fixture) => [
      { fixture, minimal: false },
      ...(minimalGolden.has(fixture.name) ? [{ fixture, minimal: true }] : []),
    ]);
  for (const { fixture, minimal } of cases) {
    for (const target of codeTargets) {
      const extension = extname(target.language.fileName);
      const file = join(goldenDirectory, `${fixture.name}${minimal ? '.minimal' : ''}.${target.id}${extension}`);
      it(`${fixture.name} as ${target.id} matches ${file.split('/').pop() ?? ''}`, () => {
        const code = generateCode(fixture.request, { library: target.id, includeKey: false, minimal });
        if (update || !existsSync(file)) {
          mkdirSync(goldenDirectory, { recursive: true });
          writeFileSync(file, code);
        }
        expect(code).toBe(readFileSync(file, 'utf8'));
      });
    }
  }
});

describe('golden tool loop exports', () => {
  for (const fixture of toolLoopRequests) {
    for (const target of codeTargets.filter((candidate) => toolLoopOption.libraries.includes(candidate.id))) {
      const extension = extname(target.language.fileName);
      const file = join(goldenDirectory, `${fixture.name}.${target.id}${extension}`);
      it(`${fixture.name} as ${target.id} matches ${file.split('/').pop() ?? ''}`, () => {
        const code = generateCode(fixture.request, { library: target.id, includeKey: false, toolLoop: true });
        if (update || !existsSync(file)) writeFileSync(file, code);
        expect(code).toBe(readFileSync(file, 'utf8'));
      });
    }
  }
});
