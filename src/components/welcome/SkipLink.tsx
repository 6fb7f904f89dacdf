import type { MouseEvent } from 'react';
import { composerId, focusMessageBox } from './messageBox';
import './welcome.css';

/** "Skip to message": the page's first stop for the keyboard, shown when focused; it puts the caret in the Message box. */
export function SkipLink() {
  function skip(event: MouseEvent<HTMLAnchorElement>) {
    event.preventDefault();
    focusMessageBox();
  }
  return (
    <a className="skip-link" href={`#${composerId}`} onClick={skip}>
      Skip to message
    </a>
  );
}
