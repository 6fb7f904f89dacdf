import { useShallow } from 'zustand/react/shallow';
import { keptCopyHeldText, keptCopyText, storageFullText, storageNearlyFullText, usePlaygroundStore } from '../store';
import { KeptCopyNotice } from './KeptCopyNotice';
import { DismissNoticeButton } from './DismissNoticeButton';
import { StorageFullNotice } from './StorageFullNotice';

/** App-level messages: recovered saved state, full storage, and the like; a success looks like one (notice-success). */
export function NoticeBar() {
  const notices = usePlaygroundStore(useShallow((state) => state.ui.notices));
  if (notices.length === 0) return null;
  return (
    <section className="notice-bar" aria-label="Notices">
      {notices.map((notice) =>
        notice.text === storageFullText || notice.text === storageNearlyFullText ? (
          <StorageFullNotice key={notice.id} notice={notice} />
        ) : notice.text === keptCopyText || notice.text === keptCopyHeldText ? (
          <KeptCopyNotice key={notice.id} notice={notice} />
        ) : (
          <div
            key={notice.id}
            className={`notice notice-${notice.level}`}
            role={notice.level === 'info' || notice.level === 'success' ? 'status' : 'alert'}
          >
            <span>{notice.text}</span>
            <DismissNoticeButton notice={notice} />
          </div>
        ),
      )}
    </section>
  );
}
