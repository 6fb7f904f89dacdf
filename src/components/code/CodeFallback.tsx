/**
 * The code as plain text: shown while Monaco loads, when it cannot run (no Web Workers, e.g. jsdom) or when its
 * chunk fails to load. Focusable so keyboard users can scroll it.
 */
export function CodeFallback({ code }: { code: string }) {
  return (
    <pre className="code-fallback" tabIndex={0}>
      <code>{code}</code>
    </pre>
  );
}
