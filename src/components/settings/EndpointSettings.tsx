import { useId, useState } from 'react';
import { usePlaygroundStore } from '../../store';
import * as connectionActions from '../../store/connectionActions';
import { endpointPresets, upstreamBaseUrl, type EndpointPresetId } from '../../core/endpoints';

/** Why a base URL cannot be used, or null when it can (http(s) URL, or a same-origin path such as /proxy/…). */
function baseUrlProblem(value: string): string | null {
  const url = value.trim();
  if (url === '') return 'Enter a base URL, e.g. https://api.z.ai/api/paas/v4';
  if (url.startsWith('/')) {
    return url.startsWith('//') ? 'A same-origin path starts with a single "/"' : null;
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'Not a URL: use https://host/path or a same-origin path starting with "/"';
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
    return 'The base URL must start with http:// or https://';
  if (parsed.username !== '' || parsed.password !== '') return 'Leave user names and passwords out of the URL';
  return null;
}

function isPresetId(value: string): value is EndpointPresetId {
  return endpointPresets.some((preset) => preset.id === value);
}

function destination(baseUrl: string): string {
  if (!baseUrl.startsWith('/')) {
    return `Direct to ${new URL(baseUrl).host}. If the browser blocks the call (CORS), choose the Local proxy.`;
  }
  const upstream = upstreamBaseUrl(baseUrl);
  return upstream === baseUrl
    ? 'Served by this app (same origin).'
    : `Through this app's proxy to ${new URL(upstream).host}.`;
}

/**
 * "Endpoint" preset and the effective "Base URL". A valid edit applies as typed; an invalid one stays in the box
 * with a message (shown once the field is left) and is not applied, so nothing typed is lost.
 */
export function EndpointSettings() {
  const endpointId = usePlaygroundStore((state) => state.connection.endpointId);
  const baseUrl = usePlaygroundStore((state) => state.connection.baseUrl);
  const [draft, setDraft] = useState(baseUrl);
  const [synced, setSynced] = useState(baseUrl);
  const [touched, setTouched] = useState(false);
  if (baseUrl !== synced) {
    setSynced(baseUrl);
    setDraft(baseUrl);
    setTouched(false);
  }
  const problem = baseUrlProblem(draft);
  const showProblem = touched && problem !== null;
  const id = useId();

  function edit(value: string) {
    setDraft(value);
    if (baseUrlProblem(value) !== null) return;
    connectionActions.setBaseUrl(value.trim());
    // Remember what the store made of it, so its normalisation does not rewrite the box mid-typing.
    setSynced(usePlaygroundStore.getState().connection.baseUrl);
  }

  return (
    <div className="sidebar-field-group">
      <div className="sidebar-field">
        <label htmlFor={`${id}-endpoint`}>Endpoint</label>
        <select
          id={`${id}-endpoint`}
          value={endpointId}
          onChange={(event) => {
            if (isPresetId(event.target.value)) connectionActions.setEndpoint(event.target.value);
          }}
        >
          {endpointPresets.map((preset) => (
            <option key={preset.id} value={preset.id}>
              {preset.label}
            </option>
          ))}
        </select>
      </div>
      <div className="sidebar-field">
        <label htmlFor={`${id}-url`}>Base URL</label>
        <input
          id={`${id}-url`}
          type="text"
          inputMode="url"
          value={draft}
          spellCheck={false}
          autoComplete="off"
          aria-invalid={showProblem}
          aria-describedby={showProblem ? `${id}-problem` : `${id}-hint`}
          onChange={(event) => edit(event.target.value)}
          onBlur={() => setTouched(true)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') setTouched(true);
          }}
        />
        {showProblem ? (
          <p id={`${id}-problem`} className="sidebar-error">
            {problem}
          </p>
        ) : (
          <p id={`${id}-hint`} className="sidebar-hint">
            {problem === null ? destination(draft.trim()) : 'Finish the URL; it applies once it is valid.'}
          </p>
        )}
      </div>
    </div>
  );
}
