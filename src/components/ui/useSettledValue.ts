import { useEffect, useState } from 'react';

/**
 * `value` once it has stopped changing for `delayMs`: a view that is costly to redo (a request body of megabytes)
 * follows typing after a pause instead of on every keystroke. With no delay (a cheap view) it is `value` itself.
 */
export function useSettledValue<Value>(value: Value, delayMs: number): Value {
  const [settled, setSettled] = useState(value);
  const current = delayMs > 0 ? settled : value;
  useEffect(() => {
    if (Object.is(value, current)) return;
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, current, delayMs]);
  if (delayMs <= 0 && !Object.is(settled, value)) setSettled(value);
  return current;
}
