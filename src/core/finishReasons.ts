// Finish reasons in plain words. Apart from errors.ts (the error templates the streaming call needs), so that the
// reply panes can say why a reply ended without loading those.
import type { FinishReason } from './contracts';

/** Where the reply was when it finished: still thinking, answering, or nothing yet. */
export type GenerationPhase = 'waiting' | 'reasoning' | 'answer';

/** User-facing text for a finish reason (one sentence); null for a normal 'stop'. */
export function describeFinishReason(reason: FinishReason | null | undefined, phase: GenerationPhase): string | null {
  if (!reason || reason === 'stop') return null;
  switch (reason) {
    case 'length':
      return phase === 'reasoning'
        ? 'The token budget ran out during thinking — raise Max tokens.'
        : 'The reply was cut off at the Max tokens limit — raise Max tokens to get the rest.';
    case 'sensitive':
      return 'The content filter flagged the reply as sensitive and stopped it; what arrived is kept.';
    case 'network_error':
      return 'The model service hit a network error while generating, so the reply is incomplete — retry.';
    case 'model_context_window_exceeded':
      return "The conversation filled the model's context window — shorten it or exclude earlier turns.";
    case 'tool_calls':
      return 'The model asked to call a tool: write each result under Tool calls, then Send tool results.';
    default:
      return `The server ended the reply with finish reason "${reason}".`;
  }
}
