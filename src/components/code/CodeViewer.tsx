// The read-only Monaco view of exported code. Loaded lazily (React.lazy) the first time a Code panel opens, so
// Monaco and its worker stay out of the initial bundle; until it mounts, the plain <pre> is shown instead.
import Editor from '@monaco-editor/react';
import { useSyncExternalStore } from 'react';
import { CodeFallback } from './CodeFallback';
import './monacoSetup';

interface CodeViewerProps {
  code: string;
  /** Monaco language id (from the codegen registry). */
  language: string;
  /** Accessible name of the editor, e.g. "Python code". */
  label: string;
}

const darkScheme = '(prefers-color-scheme: dark)';

function subscribeToScheme(onChange: () => void): () => void {
  const query = window.matchMedia(darkScheme);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

function prefersDark(): boolean {
  return window.matchMedia(darkScheme).matches;
}

export default function CodeViewer({ code, language, label }: CodeViewerProps) {
  const dark = useSyncExternalStore(subscribeToScheme, prefersDark);
  return (
    <div className="code-viewer">
      <Editor
        value={code}
        language={language}
        theme={dark ? 'vs-dark' : 'vs'}
        height="100%"
        loading={<CodeFallback code={code} />}
        options={{
          readOnly: true,
          domReadOnly: true,
          ariaLabel: `${label} (read-only)`,
          // Tab leaves the editor: nothing can be typed here, so keyboard users must not be trapped.
          tabFocusMode: true,
          minimap: { enabled: false },
          scrollBeyondLastLine: false,
          automaticLayout: true,
          wordWrap: 'off',
          fontSize: 13,
          lineNumbersMinChars: 3,
          renderLineHighlight: 'none',
          contextmenu: true,
          folding: true,
          stickyScroll: { enabled: false },
        }}
      />
    </div>
  );
}
