import { useEffect } from 'react';
import { firstScreenShown } from '../store/firstScreenGate';
import { watchStoredImages } from '../store/turnImages';
import { CompareToggle } from './compare/CompareToggle';
import { ConversationPanel } from './conversation/ConversationPanel';
import { CrossTabNotice } from './CrossTabNotice';
import { KeyboardShortcuts } from './KeyboardShortcuts';
import { LazyPresenterView } from './presenter/LazyPresenterView';
import { NoticeBar } from './NoticeBar';
import { PresenterToggle } from './presenter/PresenterToggle';
import { ReplyOrCompareArea } from './reply/ReplyOrCompareArea';
import { LazyKeyOriginDialog } from './settings/LazyKeyOriginDialog';
import { SettingsColumn, SettingsSheetButton } from './settings/SettingsPlacement';
import { SharedLinkWatcher } from './request/SharedLinkWatcher';
import { FirstRunCard } from './welcome/FirstRunCard';
import { SkipLink } from './welcome/SkipLink';

/**
 * Three areas: settings, the conversation with its composer, and the selected reply. In a narrow window the
 * settings open as a sheet from the header, so the conversation comes first.
 */
export function App() {
  // Thumbnails and Send need the bytes of the conversation's images, kept in IndexedDB.
  useEffect(() => watchStoredImages(), []);
  // The Message box is committed: the code that restores the saved state may load once it has painted.
  useEffect(() => firstScreenShown(), []);
  return (
    <div className="app">
      <SkipLink />
      <header className="app-header">
        <h1 className="app-title">GLM Playground</h1>
        <SettingsSheetButton />
        <p className="app-tagline">
          Compose, stream and inspect Z.ai GLM chat requests — your key stays in this browser.
        </p>
        <CompareToggle />
        <PresenterToggle />
        <KeyboardShortcuts />
      </header>
      <NoticeBar />
      <CrossTabNotice />
      <SharedLinkWatcher />
      <div className="app-layout">
        <SettingsColumn />
        <main className="app-conversation" aria-label="Conversation">
          <FirstRunCard />
          <ConversationPanel />
        </main>
        <ReplyOrCompareArea />
      </div>
      <LazyKeyOriginDialog />
      <LazyPresenterView />
    </div>
  );
}
