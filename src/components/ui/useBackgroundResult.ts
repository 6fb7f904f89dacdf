import { useEffect, useMemo, useState } from 'react';
import type { BackgroundJobs } from './backgroundJobs';

/**
 * What `jobs` makes of `input`: at once on the page, or in the worker when `large` (null until it comes back, and
 * for a null input). `input` must keep its identity for as long as it stays the same (memoise it).
 */
export function useBackgroundResult<Input, Output>(
  jobs: BackgroundJobs<Input, Output>,
  input: Input | null,
  large: boolean,
): Output | null {
  const immediate = useMemo(() => (input === null || large ? null : jobs.runHere(input)), [jobs, input, large]);
  const [background, setBackground] = useState<{ input: Input; output: Output } | null>(null);

  useEffect(() => {
    if (input === null || !large) return;
    let wanted = true;
    void jobs.run(input).then((output) => {
      if (wanted) setBackground({ input, output });
    });
    return () => {
      wanted = false;
    };
  }, [jobs, input, large]);

  if (!large) return immediate;
  return background?.input === input ? background.output : null;
}
