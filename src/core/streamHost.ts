// The streaming worker's side of the call protocol: the page asks for a call, the host runs sendChatCompletion
// (fetch, SSE and JSON parsing all here, off the page's thread) and sends back batched, timed events and the
// outcome. Pure: fetch, the clock, the frame scheduling and the message port are injected.
import type { CallOptions, CallOutcome } from './contracts';
import { createEventBatcher, type TimedEvent } from './streamBatching';
import { sendChatCompletion } from './streaming';

/** What a page sends: start a call (everything CallOptions carries that can be cloned), or stop one. */
export type StreamRequest =
  | {
      type: 'start';
      callId: number;
      url: string;
      apiKey: string;
      body: CallOptions['body'];
      stallTimeoutMs?: number;
      crossOrigin?: boolean;
    }
  | { type: 'stop'; callId: number };

/** What the host sends back: events in arrival order, then exactly one outcome per call. */
export type StreamResponse =
  { type: 'events'; callId: number; events: TimedEvent[] } | { type: 'outcome'; callId: number; outcome: CallOutcome };

export interface StreamHostEnvironment {
  post: (message: StreamResponse) => void;
  fetch: CallOptions['fetch'];
  now: () => number;
  scheduleFlush: (flush: () => void) => void;
}

/** Returns the message handler; several calls may run at once (compare columns share one worker). */
export function createStreamHost(environment: StreamHostEnvironment): (request: StreamRequest) => void {
  const controllers = new Map<number, AbortController>();

  async function start(request: Extract<StreamRequest, { type: 'start' }>): Promise<void> {
    const controller = new AbortController();
    controllers.set(request.callId, controller);
    const batcher = createEventBatcher(
      (events) => environment.post({ type: 'events', callId: request.callId, events }),
      environment.scheduleFlush,
    );
    const outcome = await sendChatCompletion({
      url: request.url,
      apiKey: request.apiKey,
      body: request.body,
      fetch: environment.fetch,
      signal: controller.signal,
      onEvent: (event) => batcher.push(event, environment.now()),
      ...(request.stallTimeoutMs === undefined ? {} : { stallTimeoutMs: request.stallTimeoutMs }),
      ...(request.crossOrigin === undefined ? {} : { crossOrigin: request.crossOrigin }),
    });
    batcher.flush();
    controllers.delete(request.callId);
    environment.post({ type: 'outcome', callId: request.callId, outcome });
  }

  return (request) => {
    if (request.type === 'stop') controllers.get(request.callId)?.abort();
    else void start(request);
  };
}
