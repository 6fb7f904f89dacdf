import { useId, useMemo, useState } from 'react';
import { codeLanguage, codeLanguages, type CodeLanguage, type CodeLibrary } from '../../core/codegen';
import type { ChatRequest } from '../../core/request';
import { shownPart } from '../../core/textPreview';
import { usePlaygroundStore } from '../../store';
import { CodeDisplay } from './CodeDisplay';
import { CodeFallback } from './CodeFallback';
import { CodeTabs, tabId } from './CodeTabs';
import { CopyButton } from '../ui/CopyButton';
import { DownloadButton } from './DownloadButton';
import { IncludeKeyToggle } from './IncludeKeyToggle';
import { KeyInMessagesNote } from './KeyInMessagesNote';
import { LibrarySelect } from './LibrarySelect';
import { ToolLoopToggle } from './ToolLoopToggle';
import { useExportedCode } from './useExportedCode';
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

/** Code longer than this is shown as plain text: the editor would take a long task to lay it out. */
const editorMaxCharacters = 50 * 1024;

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
  const apiKey = usePlaygroundStore((state) => state.connection.apiKey);
  const id = useId();
  const tab = codeLanguage(language);
  const library = libraries[language];
  const panelId = `${id}-panel`;

  const exported = useExportedCode(request, {
    library,
    includeKey,
    minimal,
    toolLoop,
    keepKeyInMessages,
    apiKey,
    origin: window.location.origin,
  });
  const generated = exported?.generated ?? null;
  // Megabytes of code would take the editor seconds to lay out: its start is shown, Copy and Download take it all.
  const shown = useMemo(() => (generated?.ok ? shownPart(generated.code) : null), [generated]);

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
          {generated?.ok && (
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
        {exported?.keyInMessages && <KeyInMessagesNote keep={keepKeyInMessages} onChange={setKeepKeyInMessages} />}
        {shown?.note && (
          <p className="code-hint" role="note">
            {shown.note}: Copy and Download take the whole code.
          </p>
        )}
        {generated === null ? (
          <p className="code-hint" role="status">
            Generating the {tab.label} code…
          </p>
        ) : generated.ok && generated.code.length > editorMaxCharacters ? (
          <CodeFallback code={shown?.text ?? ''} label={`${tab.label} code`} />
        ) : generated.ok ? (
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
