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

/** Inside a worker: answers every job with `work` applied to its input. */
export function serveJobs(work: (input: never) => unknown): void {
  const scope = globalThis as unknown as WorkerScope;
  scope.addEventListener('message', (event) => {
    const { jobId, input } = event.data;
    scope.postMessage({ jobId, output: work(input) });
  });
}
