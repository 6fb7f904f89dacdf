// Exported code for the Code panel: generated right away for an ordinary request, and in a module worker
// (src/worker/codeExportWorker.ts) for one of megabytes, so that opening the panel is never one long task.
import { useMemo } from 'react';
import { exportedCode, type CodeExportChoices, type ExportedCode } from '../../core/codegen/exportedCode';
import { isLargeExport } from '../../core/codegen/requestSize';
import type { ChatRequest } from '../../core/request';
import type { CodeExportInput } from '../../worker/codeExportWorker';
import { backgroundJobs } from '../ui/backgroundJobs';
import { useBackgroundResult } from '../ui/useBackgroundResult';

const codeExport = backgroundJobs(
  () => new Worker(new URL('../../worker/codeExportWorker.ts', import.meta.url), { type: 'module' }),
  ({ request, choices }: CodeExportInput) => exportedCode(request, choices),
);

/** The exported code for this request and these choices; null while it is being generated in the background. */
export function useExportedCode(request: ChatRequest, choices: CodeExportChoices): ExportedCode | null {
  const large = useMemo(() => isLargeExport(request.body), [request]);
  // The choices as one value: a new object with the same choices does not generate the code again.
  const choicesKey = JSON.stringify(choices);
  const input = useMemo(
    () => ({ request, choices: JSON.parse(choicesKey) as CodeExportChoices }),
    [request, choicesKey],
  );
  return useBackgroundResult(codeExport, input, large);
}
