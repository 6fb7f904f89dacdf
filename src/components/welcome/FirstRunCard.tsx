import { useEffect, useId } from 'react';
import { usePlaygroundStore, whenSavedStateLoaded } from '../../store';
import * as actions from '../../store/actions';
import { setEndpoint } from '../../store/connectionActions';
import { isDemoEndpoint } from '../../store/connectionSlice';
import { selectCanSend } from '../../store/selectors';
import { useSectionOpen } from '../ui/sectionOpen';
import { focusMessageBox } from './messageBox';
import './welcome.css';

/** What the demo button asks when the Message box is empty. */
export const demoQuestion = 'What can the GLM models do? Answer in three short points.';

/**
 * One click to a first reply: the offline demo endpoint, a sample question unless one is typed, and Send. A click
 * right after the page opens may come while the saved state still loads: the question goes out once it is in.
 */
function tryOfflineDemo(): void {
  setEndpoint('demo');
  const state = usePlaygroundStore.getState();
  if (state.conversation.draft.trim() === '') actions.setDraft(demoQuestion);
  focusMessageBox();
  whenSavedStateLoaded(() => {
    if (selectCanSend(usePlaygroundStore.getState()).ok) actions.send();
  });
}

/**
 * "Get started", above the conversation until a key is set: the offline demo in one click, where to get a key and
 * where it is kept, and the keys that reach the Message box. "Dismiss" and the first complete reply put it away for
 * good (remembered with the other layout choices).
 */
export function FirstRunCard() {
  const noKey = usePlaygroundStore((state) => state.connection.apiKey === '');
  const demo = usePlaygroundStore((state) => isDemoEndpoint(state.connection));
  const replied = usePlaygroundStore((state) => state.history.entries.some((entry) => entry.status === 'complete'));
  const [shown, setShown] = useSectionOpen('first-run', true);
  const id = useId();

  useEffect(() => {
    if (replied && shown) setShown(false);
  }, [replied, shown, setShown]);

  if (!noKey || !shown || replied) return null;
  return (
    <section className="first-run-card" aria-labelledby={`${id}-title`}>
      <div className="first-run-head">
        <h2 id={`${id}-title`}>Get started</h2>
        <button type="button" className="button-quiet" onClick={() => setShown(false)}>
          Dismiss
        </button>
      </div>
      <div className="first-run-demo">
        <button type="button" className="button-primary" aria-describedby={`${id}-demo`} onClick={tryOfflineDemo}>
          Try the offline demo
        </button>
        <p id={`${id}-demo`}>
          {demo
            ? 'The offline demo is on: type a message below and press Send.'
            : 'No key needed: a mock server in this app answers a sample question.'}
        </p>
      </div>
      <p>
        For real replies, create an API key on the{' '}
        <a href="https://z.ai/manage-apikey/apikey-list" target="_blank" rel="noopener noreferrer">
          z.ai API keys page
        </a>{' '}
        (international) or the{' '}
        <a href="https://bigmodel.cn/usercenter/proj-mgmt/apikeys" target="_blank" rel="noopener noreferrer">
          bigmodel.cn API keys page
        </a>{' '}
        (mainland China) and paste it into &ldquo;API key&rdquo; under Connection. It stays in this browser and is sent
        only to the endpoint you choose.
      </p>
      <p className="first-run-keys">
        Press <kbd>/</kbd> or <kbd>Ctrl/Cmd</kbd> + <kbd>K</kbd> to jump to the Message box.
      </p>
    </section>
  );
}
