// Shared setup for every component test: jest-dom matchers, and a clean DOM after each test.
import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';
import { loadCrossTabChanges } from '../../src/store/crossTab';
import { loadSavedStateRestore } from '../../src/store/persistence';
import { resetRuntime } from '../../src/store/runtime';

// The app loads the code that reads the saved state back alongside the first read, and what another tab's save means
// with the first such save; here both are in before a test file creates the store, so the store starts from what is
// saved at once and a save in another tab is handled as it comes. A fresh store module (vi.resetModules) loads them
// again: those tests wait for the load.
await Promise.all([loadSavedStateRestore(), loadCrossTabChanges()]);

// Views load on demand (lazy chunks): on a busy machine the first import can take longer than the default second.
configure({ asyncUtilTimeout: 5000 });

afterEach(() => {
  cleanup();
  // Calls, timers and pending confirmations end with the test that started them.
  resetRuntime();
});
