import { useId, useMemo, useState } from 'react';
import { codeLanguage, codeLanguages, generateCode, type CodeLanguage, type CodeLibrary } from '../../core/codegen';
import { mayContainSecret, redactKeyInRequest } from '../../core/codegen/redaction';
import { baseUrlForExport } from '../../core/codegen/shared';
import type { ChatRequest } from '../../core/request';
import { shownPart } from '../../core/textPreview';
import { usePlaygroundStore } from '../../store';
import { CodeDisplay } from './CodeDisplay';
import { CodeTabs, tabId } from './CodeTabs';
import { CopyButton } from '../ui/CopyButton';
import { DownloadButton } from './DownloadButton';
import { IncludeKeyToggle } from './IncludeKeyToggle';
import { KeyInMessagesNote } from './KeyInMessagesNote';
import { LibrarySelect } from './LibrarySelect';
import { ToolLoopToggle } from './ToolLoopToggle';
import './code.css';

type LibraryChoice = Record<CodeLanguage, CodeLibrary>;

function defaultLibraries(): LibraryChoice {
  const choice: Partial<LibraryChoice> = {};
  for (const language of codeLanguages) {
    const first = language.targets[0];
    if (first) choice[language.id] = first.id;
  }
  return choice as LibraryChoice;
}

type Generated = { ok: true; code: string } | { ok: false; message: string };

/**
 * "Code": the request as cURL, Python or Java, from the codegen registry. The key is left out unless the user
 * includes it, and the code is shown read-only (Monaco, loaded on first use) with Copy and Download.
 */
export function CodeExportPanel({ request }: { request: ChatRequest }) {
  const [language, setLanguage] = useState<CodeLanguage>(codeLanguages[0]?.id ?? 'curl');
  const [libraries, setLibraries] = useState<LibraryChoice>(defaultLibraries);
  const [includeKey, setIncludeKey] = useState(false);
  const [minimal, setMinimal] = useState(false);
  const [toolLoop, setToolLoop] = useState(false);
  const [keepKeyInMessages, setKeepKeyInMessages] = useState(false);
  // Read only while the key is wanted or appears in the request, so that typing a key does not regenerate code
  // that does not contain it.
  const bodyText = useMemo(() => JSON.stringify(request.body), [request]);
  const apiKey = usePlaygroundStore((state) =>
    includeKey || mayContainSecret(bodyText, state.connection.apiKey) ? state.connection.apiKey : '',
  );
  const redaction = useMemo(() => redactKeyInRequest(request, apiKey), [request, apiKey]);
  const id = useId();
  const tab = codeLanguage(language);
  const library = libraries[language];
  const panelId = `${id}-panel`;

  const generated = useMemo<Generated>(() => {
    try {
      return {
        ok: true,
        code: generateCode(
          {
            ...(keepKeyInMessages ? request : redaction.request),
            baseUrl: baseUrlForExport(request.baseUrl, window.location.origin),
          },
          {
            library,
            includeKey,
            apiKey: includeKey ? apiKey : undefined,
            minimal,
            toolLoop,
          },
        ),
      };
    } catch (error) {
      return { ok: false, message: error instanceof Error ? error.message : String(error) };
    }
  }, [request, redaction, keepKeyInMessages, library, includeKey, apiKey, minimal, toolLoop]);
  // Megabytes of code would take the editor seconds to lay out: its start is shown, Copy and Download take it all.
  const shown = useMemo(() => (generated.ok ? shownPart(generated.code) : null), [generated]);

  return (
    <div className="code-export">
      <CodeTabs languages={codeLanguages} selected={language} onSelect={setLanguage} idPrefix={id} panelId={panelId} />
      <div id={panelId} role="tabpanel" aria-labelledby={tabId(id, language)} className="code-export-panel">
        <div className="code-toolbar">
          <LibrarySelect
            targets={tab.targets}
            value={library}
            onChange={(next) => setLibraries((current) => ({ ...current, [language]: next }))}
          />
          <label className="checkbox" title="A short quick-start: no retries, headings or error handling">
            <input type="checkbox" checked={minimal} onChange={(event) => setMinimal(event.target.checked)} />
            Minimal
          </label>
          <ToolLoopToggle checked={toolLoop} onChange={setToolLoop} body={request.body} library={library} />
          <IncludeKeyToggle checked={includeKey} onChange={setIncludeKey} hasKey={includeKey && apiKey !== ''} />
          {generated.ok && (
            <div className="code-actions">
              <CopyButton
                key={`${language}-${library}`}
                text={generated.code}
                className="code-copy"
                copiedMessage="Code copied to the clipboard."
                failedMessage="The browser blocked the clipboard. Select the code and press Ctrl+C (⌘C on a Mac), or use Download."
              />
              <DownloadButton text={generated.code} fileName={tab.fileName} mimeType={tab.mimeType} />
            </div>
          )}
        </div>
        {redaction.redacted && <KeyInMessagesNote keep={keepKeyInMessages} onChange={setKeepKeyInMessages} />}
        {shown?.note && (
          <p className="code-hint" role="note">
            {shown.note}: Copy and Download take the whole code.
          </p>
        )}
        {generated.ok ? (
          <CodeDisplay code={shown?.text ?? ''} language={tab.monacoLanguage} label={`${tab.label} code`} />
        ) : (
          <p role="alert" className="code-error">
            This request cannot be exported as {tab.label}: {generated.message}
          </p>
        )}
      </div>
    </div>
  );
}
