import { useState } from 'react';
import { formatCost, formatDuration } from '../../core/metrics';
import type { ChatRequestBody } from '../../core/request';
import { usePlaygroundStore } from '../../store';
import { openHistoryEntry } from '../../store/libraryActions';
import { historyEntryCostUsd, type HistoryEntry as Entry } from '../../store/historySlice';
import { LoadBoundary } from '../ui/LoadBoundary';
import { ModalDialog } from '../ui/ModalDialog';
import './library.css';
import { ViewCodeButton } from '../code/ViewCodeButton';
import { preloadable } from '../ui/preloadable';

// The diff loads when first asked for.
const RequestDiff = preloadable(() => import('../request/RequestDiff').then((module) => module.RequestDiff)).Component;

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });

/** "temperature 0.5 · top_p 0.9 · max_tokens 1024 · stream": the parameters the body carried. */
function parameterText(body: ChatRequestBody): string {
  const parts: string[] = [];
  if (body.temperature !== undefined) parts.push(`temperature ${body.temperature}`);
  if (body.top_p !== undefined) parts.push(`top_p ${body.top_p}`);
  if (body.max_tokens !== undefined) parts.push(`max_tokens ${body.max_tokens}`);
  parts.push(body.stream ? 'stream' : 'no stream');
  return parts.length === 1 ? `model defaults · ${parts[0] ?? ''}` : parts.join(' · ');
}

function thinkingText(body: ChatRequestBody): string {
  if (!body.thinking) return 'no thinking field';
  return body.thinking.type === 'enabled' ? 'thinking on' : 'thinking off';
}

function outcomeText(entry: Entry): string {
  const parts: string[] = [entry.status];
  if (entry.errorTitle) parts.push(entry.errorTitle);
  if (entry.finishReason) parts.push(`finish: ${entry.finishReason}`);
  if (entry.usage) parts.push(`${entry.usage.total_tokens} tokens`);
  if (entry.latencyMs !== null) parts.push(formatDuration(entry.latencyMs));
  const costUsd = historyEntryCostUsd(entry);
  if (costUsd !== null) parts.push(formatCost(costUsd));
  return parts.join(' · ');
}

interface HistoryEntryProps {
  entry: Entry;
  /** Reports what Open did, for the panel's status line. */
  onOpened: (message: string) => void;
}

/** One sent request: when, model, thinking, parameters, how it ended; Open, View code and Diff. */
export function HistoryEntry({ entry, onOpened }: HistoryEntryProps) {
  const [diffOpen, setDiffOpen] = useState(false);
  const sending = usePlaygroundStore((state) => state.ui.sending);
  const time = timeFormat.format(new Date(entry.sentAt));
  const { body } = entry.request;

  function open() {
    const opened = openHistoryEntry(entry);
    if (!opened) return;
    const where = opened.newConversation
      ? 'in a new conversation (the previous one is kept in Conversations)'
      : 'into the composer';
    onOpened([`Opened the request from ${time} ${where}.`, ...opened.notes].join(' '));
  }

  return (
    <li>
      <article className="history-entry" aria-label={`Request at ${time} to ${body.model}`}>
        <p className="history-line">
          <time dateTime={new Date(entry.sentAt).toISOString()}>{time}</time> · <strong>{body.model}</strong> ·{' '}
          {thinkingText(body)}
        </p>
        <p className="history-line history-muted">{parameterText(body)}</p>
        <p className={`history-line history-status history-status-${entry.status}`}>{outcomeText(entry)}</p>
        <div className="history-actions">
          <button type="button" onClick={open} disabled={sending}>
            Open
          </button>
          <ViewCodeButton request={entry.request} />
          <button type="button" aria-haspopup="dialog" onClick={() => setDiffOpen(true)}>
            Diff
          </button>
        </div>
      </article>
      {diffOpen && (
        <ModalDialog
          closeButton
          className="wide-dialog"
          title={`Changes since the request at ${time}`}
          onClose={() => setDiffOpen(false)}
        >
          <LoadBoundary
            fallback={
              <p role="alert">The differences could not be loaded. Check your connection and reload the page.</p>
            }
          >
            <RequestDiff before={body} whileLoading={<p className="diff-summary">Comparing…</p>} />
          </LoadBoundary>
        </ModalDialog>
      )}
    </li>
  );
}
