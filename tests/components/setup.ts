// Shared setup for every component test: jest-dom matchers, and a clean DOM after each test.
import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { resetRuntime } from '../../src/store/runtime';

afterEach(() => {
  cleanup();
  // Calls, timers and pending confirmations end with the test that started them.
  resetRuntime();
});
