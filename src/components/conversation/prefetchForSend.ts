import { loadReplyStream } from '../../store/replyCall';
import { prefetchTextRenderers } from './LazyText';
import { loadReplyArea } from './LazyReplyArea';

/**
 * What the first reply needs (the reply area, the Markdown renderers, the streaming call), fetched as soon as the
 * user turns to the Message box: not at start-up, yet before Send, so the first streamed delta does not wait.
 */
export function prefetchReplyCode(): void {
  void loadReplyArea().catch(() => undefined);
  prefetchTextRenderers();
  void loadReplyStream().catch(() => undefined);
}
