import type { TurnImage } from '../../core/images';
import { usePlaygroundStore } from '../../store';
import { RemoteImageThumbnail } from './RemoteImageThumbnail';

interface ImageThumbnailProps {
  image: TurnImage;
}

/** One attached image, small; a placeholder while its bytes load or when this browser no longer has them. */
export function ImageThumbnail({ image }: ImageThumbnailProps) {
  const bytes = usePlaygroundStore((state) => (image.url === undefined ? state.ui.imageBytes[image.id] : undefined));
  if (image.url !== undefined) return <RemoteImageThumbnail url={image.url} name={image.name} />;
  if (bytes === null)
    return (
      <span className="image-thumbnail image-missing" role="img" aria-label={`${image.name}: not available`}>
        Image not available in this browser
      </span>
    );
  if (bytes === undefined)
    return (
      <span className="image-thumbnail image-missing" role="img" aria-label={`${image.name}: loading`}>
        Loading…
      </span>
    );
  return <img className="image-thumbnail" src={`data:${image.mimeType};base64,${bytes}`} alt={image.name} />;
}
