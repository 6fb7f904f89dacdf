import { ConversationPanel } from './ConversationPanel';
import { CrossTabNotice } from './CrossTabNotice';
import { NoticeBar } from './NoticeBar';
import { ReplyArea } from './ReplyArea';
import { SettingsSidebar } from './SettingsSidebar';

/** Three areas: settings, the conversation with its composer, and the selected reply. */
export function App() {
  return (
    <div className="app">
      <header className="app-header">
        <h1 className="app-title">GLM Playground</h1>
        <p className="app-tagline">Compose, stream and inspect Z.ai GLM chat requests — your key stays in this browser.</p>
      </header>
      <NoticeBar />
      <CrossTabNotice />
      <div className="app-layout">
        <SettingsSidebar />
        <main className="app-conversation" aria-label="Conversation">
          <ConversationPanel />
        </main>
        <ReplyArea />
      </div>
    </div>
  );
}
