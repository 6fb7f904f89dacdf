import { useId, useRef, useState } from 'react';
import { acceptedImageTypes, imageRefusal, type TurnImage } from '../../core/images';
import { usePlaygroundStore } from '../../store';
import { attachImageFile, attachImageUrl, removeDraftImage } from '../../store/turnImages';
import { ImageThumbnail } from './ImageThumbnail';

const noImages: readonly TurnImage[] = [];

/** Attaching files one after another; the first problem is the one shown (the others are alike). */
export function useImageAttaching() {
  const [problem, setProblem] = useState<string | null>(null);
  async function attachFiles(files: Iterable<File>): Promise<void> {
    setProblem(null);
    for (const file of files) {
      const found = await attachImageFile(file);
      if (found) {
        setProblem(found);
        return;
      }
    }
  }
  return { problem, setProblem, attachFiles };
}

interface DraftImagesProps {
  problem: string | null;
  setProblem: (problem: string | null) => void;
  attachFiles: (files: Iterable<File>) => Promise<void>;
}

/**
 * The draft's images: "Attach image" (a file), "Image URL" + Add, and thumbnails with Remove. On a text-only model
 * the controls are disabled with the reason; problems are announced and the typed text is untouched.
 */
export function DraftImages({ problem, setProblem, attachFiles }: DraftImagesProps) {
  const images = usePlaygroundStore((state) => state.conversation.draftImages ?? noImages);
  const refusal = usePlaygroundStore((state) => imageRefusal(state.settings.model));
  const [urlText, setUrlText] = useState('');
  const fileInput = useRef<HTMLInputElement>(null);
  const id = useId();

  function addUrl() {
    const found = attachImageUrl(urlText);
    setProblem(found);
    if (!found) setUrlText('');
  }

  return (
    <div className="draft-images">
      {images.length > 0 && (
        <ul className="image-list" aria-label="Attached images">
          {images.map((image) => (
            <li key={image.id}>
              <ImageThumbnail image={image} />
              <button type="button" onClick={() => removeDraftImage(image.id)} aria-label={`Remove ${image.name}`}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="image-controls">
        <input
          ref={fileInput}
          id={`${id}-file`}
          type="file"
          accept={acceptedImageTypes.join(',')}
          multiple
          hidden
          disabled={refusal !== null}
          data-testid="attach-image-input"
          onChange={(event) => {
            const files = [...(event.target.files ?? [])];
            event.target.value = '';
            void attachFiles(files);
          }}
        />
        <button
          type="button"
          disabled={refusal !== null}
          aria-describedby={refusal ? `${id}-refusal` : undefined}
          onClick={() => fileInput.current?.click()}
        >
          Attach image
        </button>
        <label htmlFor={`${id}-url`}>Image URL</label>
        <input
          id={`${id}-url`}
          type="url"
          value={urlText}
          disabled={refusal !== null}
          placeholder="https://…"
          onChange={(event) => setUrlText(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              addUrl();
            }
          }}
        />
        <button type="button" disabled={refusal !== null || urlText.trim() === ''} onClick={addUrl}>
          Add
        </button>
      </div>
      {refusal && (
        <p id={`${id}-refusal`} className="hint">
          {refusal}
        </p>
      )}
      {problem && (
        <p className="image-problem" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
