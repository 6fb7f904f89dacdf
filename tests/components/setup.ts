// Shared setup for every component test: jest-dom matchers, and a clean DOM after each test.
import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';
import { resetRuntime } from '../../src/store/runtime';

// Views load on demand (lazy chunks): on a busy machine the first import can take longer than the default second.
configure({ asyncUtilTimeout: 5000 });

afterEach(() => {
  cleanup();
  // Calls, timers and pending confirmations end with the test that started them.
  resetRuntime();
});
