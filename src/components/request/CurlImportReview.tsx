import { useState } from 'react';
import type { CurlImportResult } from '../../core/curlImport';
import { maskKey } from '../../core/redaction';

interface CurlImportReviewProps {
  result: Extract<CurlImportResult, { ok: true }>;
  currentBaseUrl: string;
  onOpen: (choices: { useKey: boolean; useEndpoint: boolean }) => void;
  onBack: () => void;
}

/** The questions a command raises before it is opened: its key, its endpoint, and what was not imported. */
export function CurlImportReview({ result, currentBaseUrl, onOpen, onBack }: CurlImportReviewProps) {
  const { command, request } = result;
  const [useKey, setUseKey] = useState(false);
  const [useEndpoint, setUseEndpoint] = useState(false);
  const endpointDiffers = command.baseUrl !== null && command.baseUrl !== currentBaseUrl.replace(/\/+$/, '');

  return (
    <div className="curl-import-review">
      <p>
        A {request.settingsPatch.model} request with{' '}
        {request.turns.length === 1 ? '1 message' : `${request.turns.length} messages`}
        {request.settingsPatch.systemPrompt !== '' && ' and a system prompt'}.
      </p>
      {command.apiKey !== null && (
        <label className="checkbox">
          <input type="checkbox" checked={useKey} onChange={(event) => setUseKey(event.target.checked)} />
          Use the key from this command? ({maskKey(command.apiKey)}) It replaces the key in the API key field.
        </label>
      )}
      {command.keyPlaceholder !== null && (
        <p className="sidebar-hint">
          The command reads the key from {command.keyPlaceholder}; your API key field stays as it is.
        </p>
      )}
      {endpointDiffers && (
        <label className="checkbox">
          <input type="checkbox" checked={useEndpoint} onChange={(event) => setUseEndpoint(event.target.checked)} />
          Use this command’s endpoint ({command.baseUrl}) instead of {currentBaseUrl || 'none'}?
        </label>
      )}
      {command.unmapped.length > 0 && (
        <div className="curl-import-unmapped">
          <h3>Not imported</h3>
          <ul>
            {command.unmapped.map((item, index) => (
              <li key={index}>{item}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="button-row">
        <button type="button" className="button-primary" onClick={() => onOpen({ useKey, useEndpoint })}>
          Open request
        </button>
        <button type="button" onClick={onBack}>
          Back
        </button>
      </div>
    </div>
  );
}
