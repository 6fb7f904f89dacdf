import { useState } from 'react';
import type { Notice } from '../store';
import { DismissNoticeButton } from './DismissNoticeButton';
import { downloadConversationFile } from './conversation/conversationFileLoader';

/** The "storage is full" notice, with the way out beside it: export the conversation, which is intact in memory. */
export function StorageFullNotice({ notice }: { notice: Notice }) {
  const [failure, setFailure] = useState<string | null>(null);
  return (
    <div className={`notice notice-${notice.level}`} role="alert">
      <span>{notice.text}</span>
      {failure && <span>{failure}</span>}
      <span className="button-row">
        <button type="button" onClick={() => void downloadConversationFile().then(setFailure)}>
          Export conversation
        </button>
        <DismissNoticeButton notice={notice} />
      </span>
    </div>
  );
}
