// The request preview's JSON: written at once for an ordinary body, and in a module worker
// (src/worker/requestPreviewWorker.ts) for one of megabytes, where writing it would be a long task on the page.
import { useMemo } from 'react';
import { isLargeExport } from '../../core/codegen/requestSize';
import type { ChatRequestBody } from '../../core/request';
import { backgroundJobs } from '../ui/backgroundJobs';
import { useBackgroundResult } from '../ui/useBackgroundResult';

const bodyJson = (body: ChatRequestBody) => JSON.stringify(body, null, 2);

const previewJobs = backgroundJobs(
  () => new Worker(new URL('../../worker/requestPreviewWorker.ts', import.meta.url), { type: 'module' }),
  bodyJson,
);

/** The body as indented JSON; null for no body, and while a large one is being written in the background. */
export function useRequestBodyJson(body: ChatRequestBody | null): string | null {
  const large = useMemo(() => body !== null && isLargeExport(body), [body]);
  return useBackgroundResult(previewJobs, body, large);
}
