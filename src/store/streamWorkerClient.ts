// The page's side of the streaming worker (src/worker/replyStreamWorker.ts, protocol in core/streamHost.ts): one
// module worker for every call (transcript and compare columns alike), created on the first call. Where workers
// are unavailable or the worker fails to start, calls run on the page as before (core/streaming.ts).
import type { CallOptions, CallOutcome } from '../core/contracts';
import type { StreamRequest, StreamResponse } from '../core/streamHost';
import type { TimedEvent } from '../core/streamBatching';
import { onRuntimeReset } from './runtime';

/** The parts of Worker the client uses (a fake one in tests). */
export interface StreamWorker {
  postMessage(message: StreamRequest): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<StreamResponse>) => void): void;
  addEventListener(type: 'error', listener: (event: Event) => void): void;
  terminate(): void;
}

interface PendingCall {
  onEvents: (events: TimedEvent[]) => void;
  resolve: (outcome: CallOutcome | null) => void;
  /** Events already went to the page: the call cannot be run again there without repeating them. */
  started: boolean;
}

/** A call the worker dropped after it had started: what arrived stays, like a dropped connection. */
const droppedCall: CallOutcome = { status: 'interrupted', receivedAnyByte: true };

let worker: StreamWorker | null = null;
/** True once the worker could not be used: later calls stay on the page. */
let unavailable = false;
let nextCallId = 1;
const pending = new Map<number, PendingCall>();
let createWorker: (() => StreamWorker) | null = defaultWorkerFactory();

onRuntimeReset(() => {
  worker?.terminate();
  worker = null;
  unavailable = false;
  for (const call of pending.values()) call.resolve(null);
  pending.clear();
});

function defaultWorkerFactory(): (() => StreamWorker) | null {
  if (typeof Worker === 'undefined') return null;
  return () => new Worker(new URL('../worker/replyStreamWorker.ts', import.meta.url), { type: 'module' });
}

/** Tests: use this factory (null: no workers, as in old browsers). */
export function setStreamWorkerFactory(factory: (() => StreamWorker) | null): void {
  worker?.terminate();
  worker = null;
  unavailable = false;
  createWorker = factory;
}

export function streamWorkerAvailable(): boolean {
  return createWorker !== null && !unavailable;
}

function giveUp(): void {
  unavailable = true;
  worker?.terminate();
  worker = null;
  // Calls that had not started get null: the caller runs them on the page instead.
  for (const call of pending.values()) call.resolve(call.started ? droppedCall : null);
  pending.clear();
}

function ensureWorker(): StreamWorker | null {
  if (worker || !createWorker || unavailable) return worker;
  try {
    const created = createWorker();
    created.addEventListener('message', (event: MessageEvent<StreamResponse>) => {
      const message = event.data;
      const call = pending.get(message.callId);
      if (!call) return;
      if (message.type === 'events') {
        call.started = true;
        call.onEvents(message.events);
      } else {
        pending.delete(message.callId);
        call.resolve(message.outcome);
      }
    });
    created.addEventListener('error', giveUp);
    worker = created;
  } catch {
    giveUp();
  }
  return worker;
}

/**
 * Runs the call in the worker. Resolves with its outcome, or with null when the worker could not run it before any
 * event arrived (then the caller runs it on the page).
 */
export function sendInWorker(
  options: Omit<CallOptions, 'fetch' | 'onEvent'>,
  onEvents: (events: TimedEvent[]) => void,
): Promise<CallOutcome | null> {
  const target = ensureWorker();
  if (!target) return Promise.resolve(null);
  const callId = nextCallId++;
  return new Promise((resolve) => {
    pending.set(callId, { onEvents, resolve, started: false });
    const stop = () => target.postMessage({ type: 'stop', callId });
    if (options.signal.aborted) stop();
    else options.signal.addEventListener('abort', stop, { once: true });
    target.postMessage({
      type: 'start',
      callId,
      url: options.url,
      apiKey: options.apiKey,
      body: options.body,
      ...(options.stallTimeoutMs === undefined ? {} : { stallTimeoutMs: options.stallTimeoutMs }),
      ...(options.crossOrigin === undefined ? {} : { crossOrigin: options.crossOrigin }),
    });
  });
}
