// The messages between the page and a worker that does one kind of job: each job carries an id, and its result
// comes back with the same id (jobs may finish in any order).

export interface WorkerJob<Input> {
  jobId: number;
  input: Input;
}

export interface WorkerJobDone<Output> {
  jobId: number;
  output: Output;
}

interface WorkerScope {
  postMessage(message: WorkerJobDone<unknown>): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<WorkerJob<never>>) => void): void;
}

/**
 * Inside a worker: answers every job with `work` applied to its input (once settled, when `work` returns a promise;
 * a rejected one answers `failed`, so no job waits for ever).
 */
export function serveJobs(work: (input: never) => unknown, failed: unknown = null): void {
  const scope = globalThis as unknown as WorkerScope;
  scope.addEventListener('message', (event) => {
    const { jobId, input } = event.data;
    const output = work(input);
    if (!(output instanceof Promise)) {
      scope.postMessage({ jobId, output });
      return;
    }
    output.then(
      (settled: unknown) => scope.postMessage({ jobId, output: settled }),
      () => scope.postMessage({ jobId, output: failed }),
    );
  });
}
