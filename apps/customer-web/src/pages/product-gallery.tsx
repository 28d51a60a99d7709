import type { ProductDetailDto } from "@bazaar/schemas";
import { useState } from "react";

/** The chosen image large, with a row of thumbnails to switch between them. */
export function Gallery({ images, title }: { images: ProductDetailDto["images"]; title: string }) {
  const [index, setIndex] = useState(0);
  const current = images[index] ?? images[0];
  if (!current) return <div className="bz-gallery bz-gallery--empty">No image</div>;
  return (
    <div className="bz-gallery" data-testid="gallery">
      <div className="bz-gallery__stage">
        <img src={current.url} alt={current.alt ?? `${title}, image ${index + 1} of ${images.length}`} />
      </div>
      {images.length > 1 && (
        <ul className="bz-gallery__thumbs">
          {images.map((img, i) => (
            <li key={img.id}>
              <button
                type="button"
                className={`bz-gallery__thumb${i === index ? " bz-gallery__thumb--active" : ""}`}
                aria-label={`Show image ${i + 1}`}
                aria-pressed={i === index}
                onClick={() => setIndex(i)}
              >
                <img src={img.url} alt="" />
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
