/**
 * The code as plain text: shown while Monaco loads, when it cannot run (no Web Workers, e.g. jsdom) or when its
 * chunk fails to load, and for code too long for the editor. Focusable so keyboard users can scroll it.
 */
export function CodeFallback({ code, label }: { code: string; label?: string }) {
  return (
    <pre className="code-fallback" tabIndex={0} aria-label={label}>
      <code>{code}</code>
    </pre>
  );
}
