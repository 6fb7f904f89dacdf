import { useEffect, useState } from 'react';
import { loadJsonSchemaChecker, type JsonSchemaChecker } from '../../core/jsonSchema/validation';

/** The checker once loaded: later components get it at once, without a loading frame. */
let loadedChecker: JsonSchemaChecker | null = null;

export type CheckerState =
  { status: 'loading' } | { status: 'ready'; checker: JsonSchemaChecker } | { status: 'failed' };

/** The JSON Schema checker, loaded on first need (it is a separate chunk); nothing loads while `needed` is false. */
export function useJsonSchemaChecker(needed: boolean): CheckerState {
  const [state, setState] = useState<CheckerState>(() =>
    loadedChecker ? { status: 'ready', checker: loadedChecker } : { status: 'loading' },
  );
  useEffect(() => {
    if (!needed || state.status !== 'loading') return;
    let current = true;
    loadJsonSchemaChecker().then(
      (checker) => {
        loadedChecker = checker;
        if (current) setState({ status: 'ready', checker });
      },
      () => {
        if (current) setState({ status: 'failed' });
      },
    );
    return () => {
      current = false;
    };
  }, [needed, state.status]);
  return state;
}
