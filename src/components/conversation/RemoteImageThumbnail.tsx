import { useState } from 'react';

interface RemoteImageThumbnailProps {
  url: string;
  name: string;
}

/**
 * An image given by URL. It is not fetched until the user asks: a turn can come from an imported file or a shared
 * link, and loading the URL would tell its host that this conversation is open.
 */
export function RemoteImageThumbnail({ url, name }: RemoteImageThumbnailProps) {
  const [requested, setRequested] = useState(false);
  if (requested) return <img className="image-thumbnail" src={url} alt={name} referrerPolicy="no-referrer" />;
  let host = url;
  try {
    host = new URL(url).host;
  } catch {
    // Not a parseable URL: show it as written.
  }
  return (
    <span className="image-thumbnail image-missing" role="img" aria-label={`${name}: image from ${host}, not loaded`}>
      Image from {host}{' '}
      <button type="button" onClick={() => setRequested(true)}>
        Load image
      </button>
    </span>
  );
}
