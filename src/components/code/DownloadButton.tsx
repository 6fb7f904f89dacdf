import { useId } from 'react';
import { downloadText } from '../ui/download';

interface DownloadButtonProps {
  text: string;
  fileName: string;
  mimeType: string;
}

/** "Download": saves the code under the registry's file name (glm-request.sh, glm_request.py, GlmRequest.java). */
export function DownloadButton({ text, fileName, mimeType }: DownloadButtonProps) {
  const id = useId();
  return (
    <>
      <button type="button" aria-describedby={`${id}-file`} onClick={() => downloadText(text, fileName, mimeType)}>
        Download
      </button>
      <code id={`${id}-file`} className="code-file-name">
        {fileName}
      </code>
    </>
  );
}
