import { usePlaygroundStore } from '../../store';
import { selectTurn } from '../../store/selectors';
import { ImageThumbnail } from './ImageThumbnail';

/** The images a user turn was sent with. */
export function TurnImages({ turnId }: { turnId: string }) {
  const images = usePlaygroundStore((state) => selectTurn(state, turnId)?.images);
  if (!images || images.length === 0) return null;
  return (
    <ul className="image-list" aria-label="Images">
      {images.map((image) => (
        <li key={image.id}>
          <ImageThumbnail image={image} />
        </li>
      ))}
    </ul>
  );
}
