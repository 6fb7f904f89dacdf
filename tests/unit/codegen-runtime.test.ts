// Runs every exported program for real against the project's mock Z.ai server and checks that the server got
// exactly the app's body (parsed JSON deep-equal), the Authorization and Content-Type headers, and that the
// program printed the reasoning and the answer the mock sent. SDK flavours run against test doubles that
// mirror the SDKs' signatures and body building (tests/fixtures/codegen/python-stubs, tests/fixtures/java-stubs).
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeTarget, codeTargets, generateCode, type CodeLanguage, type CodeLibrary } from '../../src/core/codegen';
import { exportedImages } from '../../src/core/codegen/images';
import type { ChatRequest, ChatRequestBody } from '../../src/core/request';
import {
  hostileComplete,
  hostileStreaming,
  largeRequest,
  requestFixtures,
  toolLoopRequests,
  toolStreamCalls,
  type RequestFixture,
} from '../fixtures/codegen/requests';
import { toolLoopOption } from '../../src/core/codegen/toolLoop';
import { startMockServer } from '../../mock-zai/server';

const here = dirname(fileURLToPath(import.meta.url));
const pythonStubs = join(here, '../fixtures/codegen/python-stubs');
const javaStubSources = join(here, '../fixtures/java-stubs');

/** A key with shell and quote characters: it must reach the server unchanged from the environment. */
const apiKey = `test.key-$HOME-'single'-"double"`;
const mockReasoning = 'Reasoning: 思考 "quoted" \\ back 𝄞 {braces} done.';
const mockAnswer = 'Answer: 你好 👩‍💻 %s $HOME done.';

let workDirectory = '';
let javaStubClasses = '';

interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** At most two child processes at a time (two cores); javac and the JVM are heavy. */
const slots = { free: 2, waiting: [] as (() => void)[] };
async function withSlot<T>(work: () => Promise<T>): Promise<T> {
  if (slots.free === 0) await new Promise<void>((resolve) => slots.waiting.push(resolve));
  else slots.free -= 1;
  try {
    return await work();
  } finally {
    const next = slots.waiting.shift();
    if (next) next();
    else slots.free += 1;
  }
}

function run(command: string, args: string[], cwd: string, env: Record<string, string> = {}): Promise<RunResult> {
  return withSlot(
    () =>
      new Promise<RunResult>((resolve, reject) => {
        const child = spawn(command, args, {
          cwd,
          env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1', ...env },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        const stdout: Buffer[] = [];
        const stderr: Buffer[] = [];
        const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
        child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
        child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
        child.on('error', reject);
        const started = Date.now();
        child.on('close', (code) => {
          clearTimeout(timer);
          if (process.env.CODEGEN_TIMING)
            console.log(
              `${Date.now() - started} ms: ${command} ${args.join(' ').slice(0, 60)} in ${cwd.split('/').pop() ?? ''}`,
            );
          resolve({
            code,
            stdout: Buffer.concat(stdout).toString('utf8'),
            stderr: Buffer.concat(stderr).toString('utf8'),
          });
        });
      }),
  );
}

const fileNames: Record<CodeLanguage, string> = {
  curl: 'glm-request.sh',
  python: 'glm_request.py',
  java: 'GlmRequest.java',
};

function languageOf(library: CodeLibrary): CodeLanguage {
  return codeTarget(library).language.id;
}

/** JVM flags that only shorten start-up (the programs are tiny). */
const fastJvm = ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC', '-Xshare:auto'];

function javaClassPath(library: CodeLibrary): string {
  return library === 'java-zai-sdk' ? `classes:${javaStubClasses}` : 'classes';
}

/** Runs the program in `directory` (Java classes were compiled in beforeAll, as pure ASCII). */
async function execute(
  library: CodeLibrary,
  directory: string,
  env: Record<string, string>,
  variant: Variant = 'complete',
): Promise<RunResult> {
  if (library === 'curl') return run('bash', ['glm-request.sh'], directory, env);
  if (library === 'python-requests') return run('python3', ['glm_request.py'], directory, env);
  if (library === 'python-zai-sdk' || library === 'python-openai') {
    return run('python3', ['glm_request.py'], directory, { ...env, PYTHONPATH: pythonStubs });
  }
  // A non-UTF-8 default charset must not change what is sent. The minimal versions print with the platform
  // charset (UTF-8 here) instead of writing UTF-8 themselves.
  const charset = variant === 'minimal' ? [] : ['-Dfile.encoding=ISO-8859-1'];
  return run('java', [...fastJvm, ...charset, '-cp', javaClassPath(library), 'GlmRequest'], directory, env);
}

/** What the server must receive from each flavour: the app's body, or the SDK's documented variant of it. */
function expectedBody(library: CodeLibrary, body: ChatRequestBody): unknown {
  const expected: Record<string, unknown> = structuredClone(body);
  if (library === 'python-zai-sdk') {
    // zai-sdk 0.2.2, as its exported code says: temperature <= 0 → 0.01 + do_sample false; >= 1 → 0.99; top_p
    // clamped to 0.01–0.99; response_format and thinking default to None and are sent as null; image data URLs
    // lose their "data:image/…;base64," prefix.
    const temperature = body.temperature;
    if (typeof temperature === 'number' && temperature <= 0)
      Object.assign(expected, { temperature: 0.01, do_sample: false });
    if (typeof temperature === 'number' && temperature >= 1) expected.temperature = 0.99;
    if (typeof body.top_p === 'number' && body.top_p >= 1) expected.top_p = 0.99;
    if (typeof body.top_p === 'number' && body.top_p <= 0) expected.top_p = 0.01;
    if (!('response_format' in body)) expected.response_format = null;
    if (!('thinking' in body)) expected.thinking = null;
    for (const message of expected.messages as { content: unknown }[]) {
      if (!Array.isArray(message.content)) continue;
      for (const part of message.content as { type?: string; image_url?: { url: string } }[]) {
        if (part.type === 'image_url' && part.image_url?.url.startsWith('data:image/'))
          part.image_url.url = part.image_url.url.split('base64,').pop() ?? '';
      }
    }
  }
  return expected;
}

function thinks(body: ChatRequestBody): boolean {
  return body.model !== 'glm-4-32b-0414-128k' && body.thinking?.type !== 'disabled';
}

/** The text fields of a reply message or a streamed delta. */
interface ReplyText {
  reasoning_content?: string;
  content?: string;
}

/** Reasoning and answer out of curl's raw output (SSE lines or one JSON body). */
function parseCurlOutput(stdout: string, streaming: boolean): { reasoning: string; answer: string } {
  if (!streaming) {
    const message = (JSON.parse(stdout) as { choices: { message: ReplyText }[] }).choices[0]?.message;
    return { reasoning: message?.reasoning_content ?? '', answer: message?.content ?? '' };
  }
  let reasoning = '';
  let answer = '';
  for (const line of stdout.split('\n')) {
    if (!line.startsWith('data:') || line.includes('[DONE]')) continue;
    const delta = (JSON.parse(line.slice(5)) as { choices: { delta?: ReplyText }[] }).choices[0]?.delta ?? {};
    reasoning += delta.reasoning_content ?? '';
    answer += delta.content ?? '';
  }
  return { reasoning, answer };
}

type MockServer = Awaited<ReturnType<typeof startMockServer>>;

interface PreparedCase {
  server: MockServer;
  directory: string;
}

/** Starts a mock server for one fixture × library and writes the program generated for it. */
/**
 * complete: the default export; minimal: the quick-start; embedded-key: complete with the key in the file;
 * tool-loop: the tool loop option (the mock answers the first round with tool calls, the next in text).
 */
type Variant = 'complete' | 'minimal' | 'embedded-key' | 'tool-loop';

function caseName(fixture: RequestFixture, library: CodeLibrary, variant: Variant): string {
  return `${fixture.name}.${library}${variant === 'complete' ? '' : `.${variant}`}`;
}

async function prepare(
  fixture: RequestFixture,
  library: CodeLibrary,
  variant: Variant = 'complete',
): Promise<PreparedCase> {
  const server = await startMockServer({ port: 0, chunkDelayMs: 0 });
  if (variant !== 'tool-loop')
    server.queue({ name: fixture.mockScenario ?? 'reply', reasoning: mockReasoning, content: mockAnswer });
  const request: ChatRequest = { ...fixture.request, baseUrl: server.baseUrl };
  const language = languageOf(library);
  const directory = join(workDirectory, caseName(fixture, library, variant));
  mkdirSync(directory, { recursive: true });
  const options =
    variant === 'embedded-key'
      ? { library, includeKey: true, apiKey }
      : { library, includeKey: false, minimal: variant === 'minimal', toolLoop: variant === 'tool-loop' };
  writeFileSync(join(directory, fileNames[language]), generateCode(request, options));
  // The exported code reads each image from the path it names; these bytes encode back to the app's data URL.
  for (const image of exportedImages(request.body)) {
    writeFileSync(join(directory, image.defaultPath), Buffer.from(image.dataUrl.split('base64,')[1] ?? '', 'base64'));
  }
  return { server, directory };
}

const fixtures = [...requestFixtures, toolStreamCalls, hostileStreaming, hostileComplete, largeRequest];
const libraries = codeTargets.map((target) => target.id);
const toolLoopLibraries = libraries.filter((library) => toolLoopOption.libraries.includes(library));
const embeddedKeyFixture = requestFixtures[0] ?? largeRequest;
const javaLibraries = libraries.filter((library) => languageOf(library) === 'java');
const preparedJava = new Map<string, PreparedCase>();

async function exportAndRun(fixture: RequestFixture, library: CodeLibrary, variant: Variant = 'complete') {
  const key = caseName(fixture, library, variant);
  const prepared = preparedJava.get(key) ?? (await prepare(fixture, library, variant));
  preparedJava.delete(key);
  try {
    // With an embedded key the environment variable is empty: the key in the file must be used.
    const result = await execute(
      library,
      prepared.directory,
      {
        ZAI_API_KEY: variant === 'embedded-key' ? '' : apiKey,
      },
      variant,
    );
    return { result, received: prepared.server.requests().filter((record) => record.method === 'POST') };
  } finally {
    await prepared.server.close();
  }
}

/** Compiles every prepared Java program in one JVM (see tests/fixtures/codegen/BatchCompile.java). */
async function compileJava(directories: { directory: string; library: CodeLibrary }[]): Promise<void> {
  const args = directories.flatMap(({ directory, library }) => [
    directory,
    library === 'java-zai-sdk' ? javaStubClasses : '',
  ]);
  const compiled = await run(
    'java',
    [...fastJvm, join(here, '../fixtures/codegen/BatchCompile.java'), ...args],
    workDirectory,
  );
  expect(compiled.stderr).toBe('');
  expect(compiled.code).toBe(0);
}

beforeAll(async () => {
  workDirectory = mkdtempSync(join(tmpdir(), 'glm-codegen-'));
  javaStubClasses = join(workDirectory, 'java-stub-classes');
  const sources: string[] = [];
  const collect = (directory: string) => {
    for (const name of readdirSync(directory)) {
      const path = join(directory, name);
      if (statSync(path).isDirectory()) collect(path);
      else if (name.endsWith('.java')) sources.push(relative(javaStubSources, path));
    }
  };
  collect(javaStubSources);
  const compiled = await run('javac', ['-encoding', 'US-ASCII', '-d', javaStubClasses, ...sources], javaStubSources);
  expect(compiled.stderr).toBe('');
  const toCompile: { directory: string; library: CodeLibrary }[] = [];
  for (const fixture of fixtures) {
    for (const library of javaLibraries) {
      const prepared = await prepare(fixture, library);
      preparedJava.set(caseName(fixture, library, 'complete'), prepared);
      toCompile.push({ directory: prepared.directory, library });
    }
  }
  for (const fixture of requestFixtures) {
    for (const library of javaLibraries) {
      const prepared = await prepare(fixture, library, 'minimal');
      preparedJava.set(caseName(fixture, library, 'minimal'), prepared);
      toCompile.push({ directory: prepared.directory, library });
    }
  }
  for (const fixture of toolLoopRequests) {
    for (const library of javaLibraries.filter((candidate) => toolLoopLibraries.includes(candidate))) {
      const prepared = await prepare(fixture, library, 'tool-loop');
      preparedJava.set(caseName(fixture, library, 'tool-loop'), prepared);
      toCompile.push({ directory: prepared.directory, library });
    }
  }
  for (const library of javaLibraries) {
    const prepared = await prepare(embeddedKeyFixture, library, 'embedded-key');
    preparedJava.set(caseName(embeddedKeyFixture, library, 'embedded-key'), prepared);
    toCompile.push({ directory: prepared.directory, library });
  }
  for (const library of javaLibraries) {
    const directory = join(workDirectory, `no-key.${library}`);
    mkdirSync(directory, { recursive: true });
    writeFileSync(join(directory, 'GlmRequest.java'), noKeyProgram(library));
    toCompile.push({ directory, library });
  }
  await compileJava(toCompile);
}, 120_000);

afterAll(async () => {
  for (const prepared of preparedJava.values()) await prepared.server.close();
  if (workDirectory) rmSync(workDirectory, { recursive: true, force: true });
});

describe.concurrent('exported code sends the same request', () => {
  for (const fixture of fixtures) {
    for (const library of libraries) {
      it(`${fixture.name} via ${library}`, async () => {
        const { result, received } = await exportAndRun(fixture, library);
        expect(result.stderr.replace(/^Picked up .*\n/gm, ''), 'stderr').toBe('');
        expect(result.code, result.stderr).toBe(0);
        expect(received).toHaveLength(1);
        const [record] = received;
        expect(record?.path).toBe('/api/paas/v4/chat/completions');
        expect(record?.json).toEqual(expectedBody(library, fixture.request.body));
        expect(record?.headers.authorization).toBe(`Bearer ${apiKey}`);
        expect(record?.headers['content-type']).toMatch(/^application\/json(;\s*charset=utf-8)?$/i);

        const expectedReasoning = thinks(fixture.request.body) ? mockReasoning : '';
        if (fixture.mockScenario === 'tool-calls') {
          expectJoinedToolCalls(library, result.stdout);
          return;
        }
        if (library === 'curl') {
          const printed = parseCurlOutput(result.stdout, fixture.request.body.stream === true);
          expect(printed.reasoning).toBe(expectedReasoning);
          expect(printed.answer.trim()).toBe(mockAnswer);
          return;
        }
        expect(result.stdout).toContain(`=== Answer ===\n${mockAnswer}`);
        if (fixture.mockScenario === 'finish-tool_calls') {
          expect(result.stdout).toContain('=== Tool call 0: get_weather ===\n{"city":"Beijing"}');
          expect(result.stdout).toContain('=== Tool calls ===\n0: get_weather {"city":"Beijing"}\n');
        }
        if (expectedReasoning) {
          expect(result.stdout).toContain(`=== Reasoning ===\n${expectedReasoning}`);
          expect(result.stdout.indexOf('=== Reasoning ===')).toBeLessThan(result.stdout.indexOf('=== Answer ==='));
        } else {
          expect(result.stdout).not.toContain('=== Reasoning ===');
        }
      }, 120_000);
    }
  }
});

/** Two streamed calls (Paris, Tokyo): printed live under one heading each, then whole, joined per index. */
function expectJoinedToolCalls(library: CodeLibrary, stdout: string): void {
  if (library === 'curl') {
    expect(stdout.match(/"name":"get_weather"/g)).toHaveLength(2);
    return;
  }
  expect(stdout).toContain('=== Tool call 0: get_weather ===\n{"city":"Paris"}');
  expect(stdout).toContain('=== Tool call 1: get_weather ===\n{"city":"Tokyo"}');
  expect(stdout).toContain('=== Tool calls ===\n0: get_weather {"city":"Paris"}\n1: get_weather {"city":"Tokyo"}\n');
}

describe.concurrent('the tool loop option runs the calls and sends the results back', () => {
  for (const fixture of toolLoopRequests) {
    for (const library of toolLoopLibraries) {
      it(`${fixture.name} via ${library}`, async () => {
        const { result, received } = await exportAndRun(fixture, library, 'tool-loop');
        expect(result.stderr.replace(/^Picked up .*\n/gm, ''), 'stderr').toBe('');
        expect(result.code, result.stderr).toBe(0);
        expect(received).toHaveLength(2);
        expect(received[0]?.json).toEqual(fixture.request.body);
        const second = received[1]?.json as { messages: Record<string, unknown>[] };
        expect({ ...second, messages: second.messages.slice(0, 1) }).toEqual(fixture.request.body);
        const [assistant, ...toolMessages] = second.messages.slice(1);
        const calls = assistant?.tool_calls as { id: string; function: { name: string; arguments: string } }[];
        expect(calls.map((call) => call.function)).toEqual([
          { name: 'get_weather', arguments: '{"city":"Paris"}' },
          { name: 'get_weather', arguments: '{"city":"Tokyo"}' },
        ]);
        expect(assistant?.reasoning_content).toEqual(expect.stringContaining('Weather in Paris and Tokyo?'));
        expect(toolMessages.map((message) => [message.role, message.tool_call_id])).toEqual(
          calls.map((call) => ['tool', call.id]),
        );
        expect(String(toolMessages[1]?.content)).toMatch(
          /"arguments": ?\{"city": ?"Tokyo"\}, ?"result": ?"stub result"/,
        );
        expect(result.stdout).toContain('=== Round 2 ===');
        expect(result.stdout).toMatch(/=== Answer ===\nHere is what the tools returned/);
        expect(result.stdout.trim().endsWith('from 2 tool results.')).toBe(true);
      }, 120_000);
    }
  }
});

describe.concurrent('minimal exported code sends the same request', () => {
  for (const fixture of requestFixtures) {
    for (const library of libraries) {
      it(`${fixture.name} via ${library}, minimal`, async () => {
        const { result, received } = await exportAndRun(fixture, library, 'minimal');
        expect(result.stderr.replace(/^Picked up .*\n/gm, ''), 'stderr').toBe('');
        expect(result.code, result.stderr).toBe(0);
        expect(received).toHaveLength(1);
        expect(received[0]?.json).toEqual(expectedBody(library, fixture.request.body));
        expect(received[0]?.headers.authorization).toBe(`Bearer ${apiKey}`);
        // curl and HttpClient print the raw response; the others print the answer text.
        const answer =
          library === 'curl' || library === 'java-httpclient'
            ? parseCurlOutput(result.stdout, fixture.request.body.stream === true).answer
            : result.stdout;
        expect(answer.trim()).toBe(mockAnswer);
      }, 120_000);
    }
  }
});

describe.concurrent('exported code with the key embedded', () => {
  it.each(libraries)(
    '%s sends the embedded key when ZAI_API_KEY is empty',
    async (library) => {
      const { result, received } = await exportAndRun(embeddedKeyFixture, library, 'embedded-key');
      expect(result.code, result.stderr).toBe(0);
      expect(received[0]?.headers.authorization).toBe(`Bearer ${apiKey}`);
      expect(received[0]?.json).toEqual(expectedBody(library, embeddedKeyFixture.request.body));
    },
    120_000,
  );
});

function noKeyProgram(library: CodeLibrary): string {
  const fixture = requestFixtures[0];
  if (!fixture) throw new Error('no fixture');
  const request = { ...fixture.request, baseUrl: 'http://127.0.0.1:9/api/paas/v4' };
  return generateCode(request, { library, includeKey: false });
}

describe('exported code without the key', () => {
  it.each(libraries)(
    '%s stops with a clear message when ZAI_API_KEY is unset',
    async (library) => {
      const language = languageOf(library);
      const directory = join(workDirectory, `no-key.${library}`);
      mkdirSync(directory, { recursive: true });
      if (language !== 'java') writeFileSync(join(directory, fileNames[language]), noKeyProgram(library));
      const result = await execute(library, directory, { ZAI_API_KEY: '' });
      expect(result.code).not.toBe(0);
      expect(result.stderr).toContain('Set ZAI_API_KEY to your Z.ai API key');
    },
    60_000,
  );
});
