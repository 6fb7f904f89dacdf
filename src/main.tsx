// First: the saved state's restore code then waits for the first screen (store/firstScreenGate.ts).
import './store/holdRestoreForFirstScreen';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './components/App';
import { usePlaygroundStore } from './store';
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
