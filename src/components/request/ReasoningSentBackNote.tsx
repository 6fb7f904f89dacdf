import { endpointKeepsReasoning } from '../../core/endpoints';
import type { ChatRequestBody } from '../../core/request';
import { usePlaygroundStore } from '../../store';

/** 1-based positions of the messages that carry earlier reasoning, as one string (stable for the selector). */
function reasoningPositions(body: ChatRequestBody): string {
  return body.messages
    .flatMap((message, index) => (message.reasoning_content === undefined ? [] : [index + 1]))
    .join(', ');
}

/** Under the request preview: which messages take their reasoning back, and what the endpoint is told. */
export function ReasoningSentBackNote({ body }: { body: ChatRequestBody }) {
  const keptByEndpoint = usePlaygroundStore((state) => endpointKeepsReasoning(state.connection.baseUrl));
  const positions = reasoningPositions(body);
  const clearThinking = body.thinking?.clear_thinking;
  if (clearThinking === false) {
    const where = keptByEndpoint ? 'preserved thinking, on by default on the Coding Plan' : 'preserved thinking';
    return (
      <p className="sidebar-hint">
        {positions === ''
          ? `No earlier reasoning to send back yet (${where}).`
          : `Earlier reasoning goes back with message${positions.includes(',') ? 's' : ''} ${positions} (${where}).`}
      </p>
    );
  }
  if (clearThinking === true)
    return (
      <p className="sidebar-hint">
        Earlier reasoning is not sent; clear_thinking: true tells the Coding Plan to drop it.
      </p>
    );
  return null;
}
