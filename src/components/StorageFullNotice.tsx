import type { Notice } from '../store';
import { downloadText } from './code/download';
import { dismissNotice } from '../store/actions';
import { exportConversation } from '../store/conversationFile';

function downloadConversationFile() {
  const file = exportConversation();
  downloadText(file.text, file.fileName, 'application/json');
}

/** The "storage is full" notice, with the way out beside it: export the conversation, which is intact in memory. */
export function StorageFullNotice({ notice }: { notice: Notice }) {
  return (
    <div className={`notice notice-${notice.level}`} role="alert">
      <span>{notice.text}</span>
      <span className="button-row">
        <button type="button" onClick={downloadConversationFile}>
          Export conversation
        </button>
        <button type="button" className="button-quiet" onClick={() => dismissNotice(notice.id)} aria-label={`Dismiss: ${notice.text}`}>
          Dismiss
        </button>
      </span>
    </div>
  );
}
