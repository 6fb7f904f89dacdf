import { useShallow } from 'zustand/react/shallow';
import {
  keptCopyHeldText,
  keptCopyText,
  storageFullText,
  storageNearlyFullText,
  usePlaygroundStore,
  type Notice,
} from '../store';
import { DismissNoticeButton } from './DismissNoticeButton';
import { LoadBoundary } from './ui/LoadBoundary';
import { preloadable, type Preloadable } from './ui/preloadable';

// The notices with actions of their own are rare: their code loads when one is shown, its text at once.
const keptCopyNotice = preloadable(() => import('./KeptCopyNotice').then((module) => module.KeptCopyNotice));
const storageFullNotice = preloadable(() => import('./StorageFullNotice').then((module) => module.StorageFullNotice));

function PlainNotice({ notice }: { notice: Notice }) {
  return (
    <div
      className={`notice notice-${notice.level}`}
      role={notice.level === 'info' || notice.level === 'success' ? 'status' : 'alert'}
    >
      <span>{notice.text}</span>
      <DismissNoticeButton notice={notice} />
    </div>
  );
}

interface NoticeWithActionsProps {
  notice: Notice;
  /** The notice with its actions, loaded on demand. */
  actions: Preloadable<{ notice: Notice }>;
}

/** A notice whose actions load on demand: the plain notice meanwhile, or for good if they could not be loaded. */
function NoticeWithActions({ notice, actions }: NoticeWithActionsProps) {
  const plain = <PlainNotice notice={notice} />;
  return (
    <LoadBoundary fallback={plain}>
      <actions.Component notice={notice} whileLoading={plain} />
    </LoadBoundary>
  );
}

/** App-level messages: recovered saved state, full storage, and the like; a success looks like one (notice-success). */
export function NoticeBar() {
  const notices = usePlaygroundStore(useShallow((state) => state.ui.notices));
  if (notices.length === 0) return null;
  return (
    <section className="notice-bar" aria-label="Notices">
      {notices.map((notice) =>
        notice.text === storageFullText || notice.text === storageNearlyFullText ? (
          <NoticeWithActions key={notice.id} notice={notice} actions={storageFullNotice} />
        ) : notice.text === keptCopyText || notice.text === keptCopyHeldText ? (
          <NoticeWithActions key={notice.id} notice={notice} actions={keptCopyNotice} />
        ) : (
          <PlainNotice key={notice.id} notice={notice} />
        ),
      )}
    </section>
  );
}
