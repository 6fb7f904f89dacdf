import { useMemo } from 'react';
import { buildRequestBody, type ChatRequest } from '../../core/request';
import { usePlaygroundStore } from '../../store';
import { findCompareColumn, selectCompareResult } from '../../store/compareSelectors';
import { effectiveColumnSettings } from '../../store/compareSlice';
import { pendingTurns } from '../../store/selectors';
import { ViewCodeButton } from '../code/ViewCodeButton';

interface CompareColumnCodeProps {
  columnId: string;
  number: number;
}

/** "View code" for a column: the request it sent, or before a run the one it would send. */
export function CompareColumnCode({ columnId, number }: CompareColumnCodeProps) {
  const sent = usePlaygroundStore((state) => selectCompareResult(state, columnId)?.reply.request ?? null);
  const columnSettings = usePlaygroundStore((state) => findCompareColumn(state, columnId)?.settings ?? null);
  const settings = usePlaygroundStore((state) => state.settings);
  const baseUrl = usePlaygroundStore((state) => state.connection.baseUrl);
  const turns = usePlaygroundStore((state) => state.conversation.turns);
  const draft = usePlaygroundStore((state) => state.conversation.draft);
  const draftImages = usePlaygroundStore((state) => state.conversation.draftImages);
  const imageBytes = usePlaygroundStore((state) => state.ui.imageBytes);

  const request = useMemo((): ChatRequest | null => {
    if (sent) return sent;
    if (!columnSettings) return null;
    // The transcript plus the draft, as Run comparison sends them.
    const pending = pendingTurns({
      conversation: { turns, draft, draftImages },
      connection: { baseUrl },
      ui: { imageBytes },
    });
    return { baseUrl, body: buildRequestBody(effectiveColumnSettings(settings, columnSettings), pending, baseUrl) };
  }, [sent, columnSettings, settings, baseUrl, turns, draft, draftImages, imageBytes]);

  if (!request) return null;
  return <ViewCodeButton request={request} title={`Code for column ${number}`} />;
}
