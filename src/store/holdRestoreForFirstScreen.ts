// Imported first by the app's entry (main.tsx), so that the gate is armed before the store reads the saved state.
import { holdRestoreUntilFirstScreen } from './firstScreenGate';

holdRestoreUntilFirstScreen();
