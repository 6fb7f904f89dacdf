// Exported code for the Code panel: generated right away for an ordinary request, and in a module worker
// (src/worker/codeExportWorker.ts) for one of megabytes, so that opening the panel is never one long task.
import { useEffect, useMemo, useState } from 'react';
import { exportedCode, type CodeExportChoices, type ExportedCode } from '../../core/codegen/exportedCode';
import { isLargeExport } from '../../core/codegen/requestSize';
import type { ChatRequest } from '../../core/request';
import type { CodeExportDone, CodeExportJob } from '../../worker/codeExportWorker';

let worker: Worker | null = null;
/** The worker could not be started or failed to load: code is generated on the page from then on. */
let workerFailed = false;
let nextJobId = 1;
const waiting = new Map<number, { job: CodeExportJob; resolve: (result: ExportedCode) => void }>();

function onThePage({ request, choices }: Pick<CodeExportJob, 'request' | 'choices'>): Promise<ExportedCode> {
  return new Promise((resolve) => setTimeout(() => resolve(exportedCode(request, choices)), 0));
}

function giveUpWorker(): void {
  workerFailed = true;
  worker?.terminate();
  worker = null;
  for (const { job, resolve } of waiting.values()) void onThePage(job).then(resolve);
  waiting.clear();
}

function exportWorker(): Worker | null {
  if (worker || workerFailed || typeof Worker === 'undefined') return worker;
  try {
    worker = new Worker(new URL('../../worker/codeExportWorker.ts', import.meta.url), { type: 'module' });
    worker.addEventListener('message', (event: MessageEvent<CodeExportDone>) => {
      waiting.get(event.data.jobId)?.resolve(event.data.result);
      waiting.delete(event.data.jobId);
    });
    worker.addEventListener('error', giveUpWorker);
  } catch {
    giveUpWorker();
  }
  return worker;
}

/** The code, generated in the worker; on the page after the current task where there is no worker. */
function exportInBackground(request: ChatRequest, choices: CodeExportChoices): Promise<ExportedCode> {
  const target = exportWorker();
  if (!target) return onThePage({ request, choices });
  const job: CodeExportJob = { jobId: nextJobId++, request, choices };
  return new Promise((resolve) => {
    waiting.set(job.jobId, { job, resolve });
    target.postMessage(job);
  });
}

/** The exported code for this request and these choices; null while it is being generated in the background. */
export function useExportedCode(request: ChatRequest, choices: CodeExportChoices): ExportedCode | null {
  const large = useMemo(() => isLargeExport(request), [request]);
  // The choices as one value: a new object with the same choices does not generate the code again.
  const choicesKey = JSON.stringify(choices);
  const current = useMemo(() => JSON.parse(choicesKey) as CodeExportChoices, [choicesKey]);
  const immediate = useMemo(() => (large ? null : exportedCode(request, current)), [large, request, current]);
  const [background, setBackground] = useState<{
    request: ChatRequest;
    choices: CodeExportChoices;
    result: ExportedCode;
  } | null>(null);

  useEffect(() => {
    if (!large) return;
    let wanted = true;
    void exportInBackground(request, current).then((result) => {
      if (wanted) setBackground({ request, choices: current, result });
    });
    return () => {
      wanted = false;
    };
  }, [large, request, current]);

  if (!large) return immediate;
  return background?.request === request && background.choices === current ? background.result : null;
}
