// The editable Monaco view of the request body (the "Request JSON" drawer). Loaded lazily, like the Code panel's viewer, and
// built on the same Monaco setup (bundled, no CDN, JSON tokenizer without the JSON worker).
import Editor from '@monaco-editor/react';
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { RequestJsonProblem } from '../../core/requestJson';
import { monaco } from '../code/monacoSetup';

interface RequestJsonMonacoProps {
  text: string;
  problems: readonly RequestJsonProblem[];
  readOnly: boolean;
  label: string;
  onChange: (text: string) => void;
}

const darkScheme = '(prefers-color-scheme: dark)';
const subscribeToScheme = (onChange: () => void) => {
  const query = window.matchMedia(darkScheme);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
};
const prefersDark = () => window.matchMedia(darkScheme).matches;

type EditorInstance = Parameters<NonNullable<Parameters<typeof Editor>[0]['onMount']>>[0];

export default function RequestJsonMonaco({ text, problems, readOnly, label, onChange }: RequestJsonMonacoProps) {
  const dark = useSyncExternalStore(subscribeToScheme, prefersDark);
  const [editor, setEditor] = useState<EditorInstance | null>(null);

  // Problems as inline markers (squiggles with the message on hover), on the line the parser found.
  useEffect(() => {
    const model = editor?.getModel();
    if (!model) return;
    monaco.editor.setModelMarkers(
      model,
      'request-json',
      problems.map((problem) => {
        const line = Math.min(problem.line ?? 1, model.getLineCount());
        const column = problem.column ?? 1;
        const endColumn = model.getLineMaxColumn(line);
        return {
          severity: monaco.MarkerSeverity.Error,
          message: problem.message,
          startLineNumber: line,
          startColumn: Math.min(column, endColumn),
          endLineNumber: line,
          endColumn: Math.max(endColumn, column + 1),
        };
      }),
    );
  }, [editor, problems, text]);

  return (
    <div className="request-json-monaco">
      <Editor
        value={text}
        language="json"
        theme={dark ? 'vs-dark' : 'vs'}
        height="100%"
        onMount={(instance) => setEditor(instance)}
        onChange={(value) => onChange(value ?? '')}
        options={{
          readOnly,
          ariaLabel: label,
          // Tab moves focus out (two-space indent is Monaco's default on Enter), so keyboard users are not trapped.
          tabFocusMode: true,
          minimap: { enabled: false },
          scrollBeyondLastLine: false,
          automaticLayout: true,
          wordWrap: 'on',
          fontSize: 12,
          lineNumbersMinChars: 3,
          tabSize: 2,
          stickyScroll: { enabled: false },
        }}
      />
    </div>
  );
}
