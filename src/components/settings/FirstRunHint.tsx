import { useId } from 'react';
import { usePlaygroundStore } from '../../store';

/** Shown until a key is set: where to get one, where it is kept, and how to try the app without one. */
export function FirstRunHint() {
  const noKey = usePlaygroundStore((state) => state.connection.apiKey === '');
  const id = useId();
  if (!noKey) return null;
  return (
    <section className="first-run-hint" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Get started</h2>
      <p>
        Create an API key on the{' '}
        <a href="https://z.ai/manage-apikey/apikey-list" target="_blank" rel="noopener noreferrer">
          z.ai API keys page
        </a>{' '}
        (international) or the{' '}
        <a href="https://bigmodel.cn/usercenter/proj-mgmt/apikeys" target="_blank" rel="noopener noreferrer">
          bigmodel.cn API keys page
        </a>{' '}
        (mainland China), then paste it into &ldquo;API key&rdquo;.
      </p>
      <p>Your key stays in this browser and is sent only to the endpoint you choose.</p>
      <p>
        No key yet? Choose the &ldquo;Offline demo&rdquo; endpoint to try the playground against a local mock server.
      </p>
    </section>
  );
}
