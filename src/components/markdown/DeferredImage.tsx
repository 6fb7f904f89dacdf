import { useState, type ComponentPropsWithoutRef } from 'react';
import type { ExtraProps } from 'react-markdown';
import { isRemoteImage } from './safeUrl';

type DeferredImageProps = ComponentPropsWithoutRef<'img'> & ExtraProps;

/**
 * An image from model output. Remote images are not fetched until the user asks: the URL itself could carry the
 * conversation to a third party. Inline data images show at once; any other source shows as text.
 */
export function DeferredImage({ src, alt, title }: DeferredImageProps) {
  const [requested, setRequested] = useState(false);
  const [failed, setFailed] = useState(false);
  const source = typeof src === 'string' ? src : '';
  const description = alt ? `: ${alt}` : '';

  if (source === '') {
    return <span className="markdown-image-removed">[Image removed: unsafe address{description}]</span>;
  }
  if (!isRemoteImage(source)) return <img src={source} alt={alt ?? ''} title={title} />;
  if (requested && !failed) {
    return (
      <img src={source} alt={alt ?? ''} title={title} referrerPolicy="no-referrer" onError={() => setFailed(true)} />
    );
  }
  return (
    <span className="markdown-image-placeholder">
      <span className="markdown-image-label">Image{description}</span>{' '}
      <span className="markdown-image-url">{source}</span>{' '}
      <button
        type="button"
        className="markdown-image-load"
        aria-label={`Load image ${alt || source}`}
        onClick={(event) => {
          // The image may sit inside a link: loading it must not also follow the link.
          event.preventDefault();
          setFailed(false);
          setRequested(true);
        }}
      >
        Load image
      </button>
      {failed && (
        <span className="markdown-image-error" role="alert">
          {' '}
          The image could not be loaded.
        </span>
      )}
    </span>
  );
}
