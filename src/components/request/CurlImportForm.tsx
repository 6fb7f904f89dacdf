import { useId, useState } from 'react';
import { readCurlImport, type CurlImportResult } from '../../core/curlImport';
import { usePlaygroundStore } from '../../store';
import { openCurlRequest } from '../../store/importActions';
import { CurlImportReview } from './CurlImportReview';
import { ModalDialog } from '../ui/ModalDialog';
import './request.css';

type Ready = Extract<CurlImportResult, { ok: true }>;

function countText(count: number): string {
  return count === 1 ? '1 message' : `${count} messages`;
}

/** Needs the user's answer before opening: a key, another endpoint, or things that were not imported. */
function needsReview(result: Ready, currentBaseUrl: string): boolean {
  const { command } = result;
  return (
    command.apiKey !== null ||
    (command.baseUrl !== null && command.baseUrl !== currentBaseUrl.replace(/\/+$/, '')) ||
    command.unmapped.length > 0
  );
}

interface CurlImportFormProps {
  /** The command being typed (kept by the opener, so that it survives Cancel). */
  text: string;
  onTextChange: (text: string) => void;
  /** The line shown beside "Paste cURL" (null clears it). */
  onStatus: (status: string | null) => void;
  /** The request was opened: clear the command and close. */
  onImported: () => void;
  onCancel: () => void;
}

/** The "Import from cURL" dialog (loaded with the cURL parser when first opened): read, review, open. */
export function CurlImportForm({ text, onTextChange, onStatus, onImported, onCancel }: CurlImportFormProps) {
  const [failure, setFailure] = useState<Extract<CurlImportResult, { ok: false }> | null>(null);
  const [review, setReview] = useState<Ready | null>(null);
  const baseUrl = usePlaygroundStore((state) => state.connection.baseUrl);
  const id = useId();

  function finish(result: Ready, choices: { useKey: boolean; useEndpoint: boolean }) {
    const { command, request } = result;
    const opened = openCurlRequest(request, {
      apiKey: choices.useKey ? command.apiKey : null,
      baseUrl: choices.useEndpoint ? command.baseUrl : null,
      commandBaseUrl: command.baseUrl,
    });
    if (!opened) {
      setFailure({ ok: false, message: 'A reply is on its way — stop it first, then import.', problems: [], command });
      setReview(null);
      return;
    }
    const turnCount = request.turns.length + (request.settingsPatch.systemPrompt !== '' ? 1 : 0);
    onStatus(`Imported a ${request.settingsPatch.model} request with ${countText(turnCount)}.`);
    onImported();
  }

  function importCommand() {
    setFailure(null);
    setReview(null);
    onStatus(null);
    const result = readCurlImport(text);
    if (!result.ok) setFailure(result);
    else if (needsReview(result, baseUrl)) setReview(result);
    else finish(result, { useKey: false, useEndpoint: false });
  }

  return (
    <ModalDialog title="Import from cURL" onClose={onCancel} className="import-dialog curl-import-dialog">
      {review ? (
        <CurlImportReview
          result={review}
          currentBaseUrl={baseUrl}
          onOpen={(choices) => finish(review, choices)}
          onBack={() => setReview(null)}
        />
      ) : (
        <>
          <label htmlFor={`${id}-command`}>cURL command</label>
          <textarea
            id={`${id}-command`}
            className="curl-import-text"
            rows={12}
            spellCheck={false}
            value={text}
            placeholder={
              'curl https://api.z.ai/api/paas/v4/chat/completions \\\n  -H "Authorization: Bearer $ZAI_API_KEY" \\\n  -d \'{"model": "glm-4.7", "messages": [...]}\''
            }
            aria-describedby={failure ? `${id}-failure` : `${id}-hint`}
            onChange={(event) => onTextChange(event.target.value)}
          />
          <p id={`${id}-hint`} className="sidebar-hint">
            A command for the chat completions endpoint, as in the Z.ai docs or as the Code panel exports it. Nothing is
            sent.
          </p>
          {failure && (
            <div id={`${id}-failure`} className="request-json-problems" role="alert">
              <p>{failure.message}</p>
              {failure.problems.length > 0 && (
                <ul>
                  {failure.problems.map((problem, index) => (
                    <li key={`${index}-${problem.path}`}>{problem.message}</li>
                  ))}
                </ul>
              )}
              <p>Nothing was changed.</p>
            </div>
          )}
          <div className="button-row">
            <button type="button" className="button-primary" onClick={importCommand}>
              Import
            </button>
            <button type="button" onClick={onCancel}>
              Cancel
            </button>
          </div>
        </>
      )}
    </ModalDialog>
  );
}
