import { loadReplyStream } from '../../store/replyCall';
import { prefetchTextRenderers } from '../reply/LazyText';
import { loadReplyArea } from '../reply/LazyReplyArea';
import { loadTurnArticle } from './LazyTurnArticle';

/**
 * What a first Send shows and runs (the transcript's turns, the reply area, the Markdown renderers, the streaming
 * call), fetched as soon as the user turns to the conversation: not at start-up, yet before Send, so the first
 * streamed delta does not wait.
 */
export function prefetchForSend(): void {
  void loadTurnArticle().catch(() => undefined);
  void loadReplyArea().catch(() => undefined);
  prefetchTextRenderers();
  void loadReplyStream().catch(() => undefined);
}
