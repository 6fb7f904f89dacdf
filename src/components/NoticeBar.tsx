import { type ReactNode } from 'react';
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
import { preloadable } from './ui/preloadable';

// The notices with actions of their own are rare: their code loads when one is shown, its text at once.
const KeptCopyNotice = preloadable(() => import('./KeptCopyNotice').then((module) => module.KeptCopyNotice)).Component;
const StorageFullNotice = preloadable(() =>
  import('./StorageFullNotice').then((module) => module.StorageFullNotice),
).Component;

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

/** A notice whose actions load on demand: the plain notice meanwhile, or for good if they could not be loaded. */
function NoticeWithActions({ notice, children }: { notice: Notice; children: ReactNode }) {
  return <LoadBoundary fallback={<PlainNotice notice={notice} />}>{children}</LoadBoundary>;
}

/** App-level messages: recovered saved state, full storage, and the like; a success looks like one (notice-success). */
export function NoticeBar() {
  const notices = usePlaygroundStore(useShallow((state) => state.ui.notices));
  if (notices.length === 0) return null;
  return (
    <section className="notice-bar" aria-label="Notices">
      {notices.map((notice) =>
        notice.text === storageFullText || notice.text === storageNearlyFullText ? (
          <NoticeWithActions key={notice.id} notice={notice}>
            <StorageFullNotice notice={notice} whileLoading={<PlainNotice notice={notice} />} />
          </NoticeWithActions>
        ) : notice.text === keptCopyText || notice.text === keptCopyHeldText ? (
          <NoticeWithActions key={notice.id} notice={notice}>
            <KeptCopyNotice notice={notice} whileLoading={<PlainNotice notice={notice} />} />
          </NoticeWithActions>
        ) : (
          <PlainNotice key={notice.id} notice={notice} />
        ),
      )}
    </section>
  );
}
