// Pins the exported text for a few fixtures, so any change in generated code is a visible diff.
// Rewrite the files with: UPDATE_GOLDEN=1 npx vitest run tests/unit/codegen-golden.test.ts
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { codeTargets, generateCode } from '../../src/core/codegen';
import { requestFixtures } from '../fixtures/codegen/requests';

const goldenDirectory = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/codegen/golden');
const update = process.env.UPDATE_GOLDEN === '1';
const extensions = { curl: 'sh', python: 'py', java: 'java' } as const;

describe('golden exports', () => {
  for (const fixture of requestFixtures.filter((candidate) => candidate.golden)) {
    for (const target of codeTargets) {
      for (const library of target.libraries) {
        const file = join(goldenDirectory, `${fixture.name}.${library.id}.${extensions[target.language]}`);
        it(`${fixture.name} as ${library.id} matches ${file.split('/').pop() ?? ''}`, () => {
          const code = generateCode(fixture.request, target.language, { library: library.id, includeKey: false });
          if (update || !existsSync(file)) {
            mkdirSync(goldenDirectory, { recursive: true });
            writeFileSync(file, code);
          }
          expect(code).toBe(readFileSync(file, 'utf8'));
        });
      }
    }
  }
});
