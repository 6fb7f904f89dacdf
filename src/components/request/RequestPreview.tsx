import { useMemo, useState } from 'react';
import { usePlaygroundStore } from '../../store';
import { demoKey, isDemoEndpoint } from '../../store/connectionSlice';
import { selectRequestBody } from '../../store/selectors';
import { ReasoningSentBackNote } from './ReasoningSentBackNote';
import { chatCompletionsUrl, upstreamBaseUrl } from '../../core/endpoints';
import { maskKey } from '../../core/redaction';
import { maxShownCharacters, shownPart } from '../../core/textPreview';
import type { PlaygroundState } from '../../store/types';
import { CurlImportDialog } from './CurlImportDialog';
import { RequestJsonDrawer } from './RequestJsonDrawer';
import { ShareLinkButton } from './ShareLinkButton';
import { SidebarSection } from '../ui/SidebarSection';
import { PendingRequestCode } from '../code/PendingRequestCode';
import { CopyButton } from '../ui/CopyButton';
import { useSettledValue } from '../ui/useSettledValue';
import { useRequestBodyJson } from './useRequestBodyJson';

// Typing in the Message box changes the body on every keystroke: a large body is shown again after this pause.
const typingPauseMs = 300;

function authorizationHeader(state: PlaygroundState): string {
  // The offline demo is sent a fixed placeholder, never the user's key (see actions.ts).
  if (isDemoEndpoint(state.connection)) return `Bearer ${demoKey} (the demo never gets your key)`;
  return maskKey(state.connection.apiKey);
}

/**
 * "Request": exactly what Send would POST now — URL, headers (key masked, never whole) and the JSON body from
 * selectRequestBody. Only strings and the memoised body are selected, so unrelated changes do not re-render it.
 */
export function RequestPreview() {
  // While a reply streams the transcript changes every frame; the preview waits for the reply to end.
  const [json, setJson] = useState('');
  const liveBody = useSettledValue(
    usePlaygroundStore((state) => (state.ui.sending ? null : selectRequestBody(state))),
    json.length > maxShownCharacters ? typingPauseMs : 0,
  );
  // A body of megabytes is written in the background: until it is, the last one stays on screen.
  const liveJson = useRequestBodyJson(liveBody);
  if (liveJson !== null && liveJson !== json) setJson(liveJson);
  // Megabytes of text in one element take the page seconds to lay out: the start is shown, Copy takes it all.
  const shown = useMemo(() => shownPart(json), [json]);
  const baseUrl = usePlaygroundStore((state) => state.connection.baseUrl);
  const authorization = usePlaygroundStore(authorizationHeader);
  const upstream = upstreamBaseUrl(baseUrl);

  return (
    <SidebarSection title="Request" sectionKey="request" defaultOpen className="request-preview">
      <div className="request-tools">
        <PendingRequestCode />
        <ShareLinkButton />
        <CurlImportDialog />
      </div>
      <pre className="request-preview-head" aria-label="Request line and headers" tabIndex={0}>
        {`POST ${chatCompletionsUrl(baseUrl)}\nAuthorization: ${authorization}\nContent-Type: application/json`}
      </pre>
      {upstream !== baseUrl && <p className="sidebar-hint">Forwarded by this app to {chatCompletionsUrl(upstream)}</p>}
      {shown.note !== null && (
        <p className="sidebar-hint" role="note">
          {shown.note}.{' '}
          <CopyButton
            text={json}
            label="Copy the whole request body"
            className="request-body-copy"
            copiedMessage="Request body copied to the clipboard."
            failedMessage="The browser blocked the clipboard. Use Code, then Download, to keep the request."
          />
        </p>
      )}
      <pre className="request-preview-body" aria-label="Request body" tabIndex={0}>
        {shown.text}
      </pre>
      <RequestJsonDrawer />
      {liveBody !== null && <ReasoningSentBackNote body={liveBody} />}
      <p className="sidebar-hint">
        {liveBody === null
          ? 'A reply is on its way; the preview updates when it ends.'
          : 'Parameters at the model default are left out unless pinned.'}
      </p>
    </SidebarSection>
  );
}
