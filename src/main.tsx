import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './components/App';
import { prefetchTextRenderers } from './components/reply/LazyText';
import { usePlaygroundStore } from './store';
import { loadReplyStream } from './store/replyCall';
import { installCrossTabGuard } from './store/crossTab';
import './styles.css';

installCrossTabGuard(usePlaygroundStore);

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );

// Fetch the Markdown renderers and the streaming call once the first paint is done, before the first reply needs them.
// Safari has no requestIdleCallback, though the DOM types always declare it.
const idle = (callback: () => void) =>
  typeof window.requestIdleCallback === 'function'
    ? window.requestIdleCallback(callback)
    : window.setTimeout(callback, 200);
idle(() => {
  prefetchTextRenderers();
  void loadReplyStream().catch(() => undefined);
});
