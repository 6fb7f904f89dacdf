// The request preview's JSON: written at once for an ordinary body, and in a module worker
// (src/worker/requestPreviewWorker.ts) for one of megabytes, where writing it would be a long task on the page.
import { useEffect, useMemo, useState } from 'react';
import { messageCharacters, largeExportCharacters } from '../../core/codegen/requestSize';
import type { ChatRequestBody } from '../../core/request';
import { backgroundJobs } from '../ui/backgroundJobs';

const bodyJson = (body: ChatRequestBody) => JSON.stringify(body, null, 2);

const previewJobs = backgroundJobs(
  () => new Worker(new URL('../../worker/requestPreviewWorker.ts', import.meta.url), { type: 'module' }),
  bodyJson,
);

/** The body as indented JSON; null for no body, and while a large one is being written in the background. */
export function useRequestBodyJson(body: ChatRequestBody | null): string | null {
  const large = useMemo(() => body !== null && messageCharacters(body) > largeExportCharacters, [body]);
  const immediate = useMemo(() => (body === null || large ? null : bodyJson(body)), [body, large]);
  const [background, setBackground] = useState<{ body: ChatRequestBody; json: string } | null>(null);

  useEffect(() => {
    if (body === null || !large) return;
    let wanted = true;
    void previewJobs.run(body).then((json) => {
      if (wanted) setBackground({ body, json });
    });
    return () => {
      wanted = false;
    };
  }, [body, large]);

  if (!large) return immediate;
  return background?.body === body ? background.json : null;
}
