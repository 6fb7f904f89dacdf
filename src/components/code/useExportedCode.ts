// Exported code for the Code panel: generated right away for an ordinary request, and in a module worker
// (src/worker/codeExportWorker.ts) for one of megabytes, so that opening the panel is never one long task.
import { useEffect, useMemo, useState } from 'react';
import {
  exportedCode,
  messageCharacters,
  type CodeExportChoices,
  type ExportedCode,
} from '../../core/codegen/exportedCode';
import type { ChatRequest } from '../../core/request';
import type { CodeExportDone, CodeExportJob } from '../../worker/codeExportWorker';

/** Message text above this many characters is exported in the worker (below it the code takes a few milliseconds). */
export const backgroundExportCharacters = 100 * 1024;

let worker: Worker | null = null;
let nextJobId = 1;
const waiting = new Map<number, (result: ExportedCode) => void>();

function exportWorker(): Worker | null {
  if (worker || typeof Worker === 'undefined') return worker;
  try {
    worker = new Worker(new URL('../../worker/codeExportWorker.ts', import.meta.url), { type: 'module' });
    worker.addEventListener('message', (event: MessageEvent<CodeExportDone>) => {
      waiting.get(event.data.jobId)?.(event.data.result);
      waiting.delete(event.data.jobId);
    });
  } catch {
    worker = null;
  }
  return worker;
}

/** The code, generated in the worker; on the page after the current task where there are no workers. */
function exportInBackground(request: ChatRequest, choices: CodeExportChoices): Promise<ExportedCode> {
  const target = exportWorker();
  if (!target) return new Promise((resolve) => setTimeout(() => resolve(exportedCode(request, choices)), 0));
  const jobId = nextJobId++;
  return new Promise((resolve) => {
    waiting.set(jobId, resolve);
    const job: CodeExportJob = { jobId, request, choices };
    target.postMessage(job);
  });
}

/** The exported code for this request and these choices; null while it is being generated in the background. */
export function useExportedCode(request: ChatRequest, choices: CodeExportChoices): ExportedCode | null {
  const large = useMemo(() => messageCharacters(request.body) > backgroundExportCharacters, [request]);
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
