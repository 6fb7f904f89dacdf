#!/usr/bin/env node
// `npm run mock [-- --port 4180] [--delay 15] [--no-cors] [--key-prefix sk-] [--help]`: the mock Z.ai server on its
// own port. Env: MOCK_ZAI_PORT, MOCK_ZAI_HOST, MOCK_ZAI_DELAY_MS, MOCK_ZAI_CORS=0, MOCK_ZAI_KEY_PREFIX.
import { scenarioListing } from './scenarios.ts';
import { startMockServer } from './server.ts';

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  if (index >= 0) return process.argv[index + 1];
  const inline = process.argv.find((value) => value.startsWith(name + '='));
  return inline ? inline.slice(name.length + 1) : undefined;
}

const usage = [
  'Usage: npm run mock -- [--port 4180] [--host 127.0.0.1] [--delay 15] [--no-cors] [--key-prefix sk-]',
  '',
  'Scenarios (POST /__mock/scenario {"name":…} or [mock:name key=value …] in a message):',
  ...scenarioListing().map((line) => `  ${line}`),
].join('\n');

async function main() {
  if (process.argv.includes('--help')) {
    console.log(usage);
    return;
  }
  const port = Number(argument('--port') ?? process.env.MOCK_ZAI_PORT ?? 4180);
  const host = argument('--host') ?? process.env.MOCK_ZAI_HOST ?? '127.0.0.1';
  const chunkDelayMs = Number(argument('--delay') ?? process.env.MOCK_ZAI_DELAY_MS ?? 15);
  const cors = !process.argv.includes('--no-cors') && process.env.MOCK_ZAI_CORS !== '0';
  const keyPrefix = argument('--key-prefix') ?? process.env.MOCK_ZAI_KEY_PREFIX ?? '';

  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`Invalid port ${JSON.stringify(argument('--port') ?? process.env.MOCK_ZAI_PORT)}.`);
    process.exit(2);
  }

  try {
    const server = await startMockServer({ port, host, chunkDelayMs, cors, keyPrefix });
    console.log(`Mock Z.ai server listening on ${server.url}`);
    console.log(`  Base URL (use as "Custom"): ${server.baseUrl}`);
    console.log(`  Control API: ${server.url}/__mock/scenario | /__mock/requests | /__mock/reset | /__mock/config`);
    console.log(
      `  CORS ${cors ? 'on' : 'off (like api.z.ai)'}; chunk delay ${chunkDelayMs} ms; keys: ${keyPrefix ? `starting with "${keyPrefix}"` : 'any'} ("invalid-key" → 401)`,
    );
    console.log('  Scenarios: npm run mock -- --help');
    const stop = () => void server.close().then(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  } catch (error) {
    console.error(
      `Could not start the mock server on ${host}:${port}: ${error instanceof Error ? error.message : String(error)}`,
    );
    process.exit(1);
  }
}

await main();
