import { usePlaygroundStore } from '../../store';
import { selectDisplayedReply } from '../../store/selectors';
import { EmptyReplyArea } from './EmptyReplyArea';
import { LazyReplyArea } from './LazyReplyArea';
import { preloadable } from '../ui/preloadable';

// Compare mode is opt-in: its components load on first use.
const CompareView = preloadable(() => import('../compare/CompareView').then((module) => module.CompareView)).Component;

/** The right-hand area: the selected reply, or the Compare columns while Compare is on. */
export function ReplyOrCompareArea() {
  const comparing = usePlaygroundStore((state) => state.compare.open);
  // Before the first reply the area is a line of text: its code loads once there is a reply to show.
  const hasReply = usePlaygroundStore((state) => selectDisplayedReply(state) !== null);
  if (!comparing) return hasReply ? <LazyReplyArea /> : <EmptyReplyArea />;
  return <CompareView whileLoading={<p className="compare-loading muted">Loading Compare…</p>} />;
}
