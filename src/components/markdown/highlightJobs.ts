import { highlightToHtml, type HighlightRequest } from '../../core/highlighter';
import { backgroundJobs } from '../ui/backgroundJobs';

/** Code highlighted in a worker (see worker/highlightWorker.ts), or on the page where workers are missing. */
export const highlightJobs = backgroundJobs(
  () => new Worker(new URL('../../worker/highlightWorker.ts', import.meta.url), { type: 'module' }),
  (request: HighlightRequest) => highlightToHtml(request.code, request.language),
);
