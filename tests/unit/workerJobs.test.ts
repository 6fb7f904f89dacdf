import { afterEach, describe, expect, it, vi } from 'vitest';
import { serveJobs, type WorkerJob, type WorkerJobDone } from '../../src/worker/workerJobs';

/** A worker scope: the job listener `serveJobs` adds, and the answers it posts. */
function fakeScope() {
  const answers: WorkerJobDone<unknown>[] = [];
  let listener: ((event: { data: WorkerJob<unknown> }) => void) | undefined;
  vi.stubGlobal('addEventListener', (_type: string, added: typeof listener) => {
    listener = added;
  });
  vi.stubGlobal('postMessage', (answer: WorkerJobDone<unknown>) => answers.push(answer));
  return { answers, send: (job: WorkerJob<unknown>) => listener?.({ data: job }) };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('serveJobs', () => {
  it('answers a job with the result of the work, under the job id', () => {
    const scope = fakeScope();
    serveJobs((input: number) => input * 2);
    scope.send({ jobId: 7, input: 21 });
    expect(scope.answers).toEqual([{ jobId: 7, output: 42 }]);
  });

  it('answers work that returns a promise once it settles', async () => {
    const scope = fakeScope();
    serveJobs((input: string) => Promise.resolve(input.toUpperCase()));
    scope.send({ jobId: 1, input: 'late' });
    expect(scope.answers).toEqual([]);
    await vi.waitFor(() => expect(scope.answers).toEqual([{ jobId: 1, output: 'LATE' }]));
  });

  it('answers a job whose work fails with the failure value, so the page is not left waiting', async () => {
    const scope = fakeScope();
    serveJobs(() => Promise.reject(new Error('chunk failed to load')), null);
    scope.send({ jobId: 3, input: 'code' });
    await vi.waitFor(() => expect(scope.answers).toEqual([{ jobId: 3, output: null }]));
  });
});
