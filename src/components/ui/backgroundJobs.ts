// Work too big for one frame (code for a request of megabytes, its JSON, highlighting code) done in a module worker,
// so the page's main thread stays free. Where workers are missing or fail to start, the work is done on the page
// after the current task instead: slower, but the result is the same.
import type { WorkerJob, WorkerJobDone } from '../../worker/workerJobs';

export interface BackgroundJobs<Input, Output> {
  /** In the worker (on the page after the current task where there is none); work that returns a promise settles first. */
  run(input: Input): Promise<Awaited<Output>>;
  /** On the page, at once: for work small enough not to need the worker. */
  runHere(input: Input): Output;
}

/** `start` creates the worker (on first use); `work` is what it does, run on the page where it cannot. */
export function backgroundJobs<Input, Output>(
  start: () => Worker,
  work: (input: Input) => Output,
): BackgroundJobs<Input, Output> {
  let worker: Worker | null = null;
  let failed = false;
  let nextJobId = 1;
  const waiting = new Map<number, { input: Input; resolve: (output: Awaited<Output>) => void }>();

  const onThePage = (input: Input) =>
    new Promise<void>((resolve) => setTimeout(resolve, 0)).then(() => work(input) as Awaited<Output>);

  function giveUp(): void {
    failed = true;
    worker?.terminate();
    worker = null;
    for (const { input, resolve } of waiting.values()) void onThePage(input).then(resolve);
    waiting.clear();
  }

  function started(): Worker | null {
    if (worker || failed || typeof Worker === 'undefined') return worker;
    try {
      worker = start();
      worker.addEventListener('message', (event: MessageEvent<WorkerJobDone<Awaited<Output>>>) => {
        waiting.get(event.data.jobId)?.resolve(event.data.output);
        waiting.delete(event.data.jobId);
      });
      worker.addEventListener('error', giveUp);
    } catch {
      giveUp();
    }
    return worker;
  }

  return {
    runHere: work,
    run(input) {
      const target = started();
      if (!target) return onThePage(input);
      const job: WorkerJob<Input> = { jobId: nextJobId++, input };
      return new Promise((resolve) => {
        waiting.set(job.jobId, { input, resolve });
        target.postMessage(job);
      });
    },
  };
}
