import { MB } from "@bazaar/client";
import { MEDIA_MAX_BYTES, MEDIA_TYPES } from "@bazaar/schemas";
import { UploadThumb } from "@bazaar/ui";
import { type Dispatch, type SetStateAction, useId, useRef } from "react";
import { ImageThumb } from "./image-thumbs";
import { useImageUploads } from "./use-image-uploads";

export type ImageItem = { mediaId: string; url: string };

/** Moves the item at `from` to `to`, returning a new array. */
export function move<T>(list: readonly T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length || from === to) return [...list];
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item!);
  return next;
}

/**
 * Ordered product images: upload several at once (each previewed while it uploads),
 * reorder with the arrow buttons or by dragging, remove. The first image is the cover.
 */
export function ImageManager(props: {
  images: ImageItem[];
  onChange: Dispatch<SetStateAction<ImageItem[]>>;
  max: number;
  error?: string | undefined;
  disabled?: boolean;
  /** Hide the "Images" label (when a heading already says it). */
  hideLabel?: boolean;
  /** Told whether uploads are still running, so the form can wait for them. */
  onBusy?: (busy: boolean) => void;
}) {
  const { images, onChange, max } = props;
  const inputId = useId();
  const { uploads, notice, add, retry, dismiss } = useImageUploads({
    count: images.length,
    max,
    onUploaded: (image) => onChange((list) => [...list, image]),
    onBusy: props.onBusy,
  });
  const dragFrom = useRef<number | null>(null);
  const full = images.length + uploads.length >= max;

  return (
    <div className="bz-field">
      <span className={props.hideLabel ? "bz-visually-hidden" : "bz-field__label"} id={`${inputId}-label`}>
        Images
      </span>
      <ol className="bz-thumbs" aria-labelledby={`${inputId}-label`} data-testid="images">
        {images.map((image, i) => (
          <ImageThumb
            key={image.mediaId}
            url={image.url}
            index={i}
            count={images.length}
            disabled={props.disabled}
            onMove={(to) => onChange((list) => move(list, i, to))}
            onRemove={() => onChange((list) => list.filter((x) => x.mediaId !== image.mediaId))}
            onDragStart={() => {
              dragFrom.current = i;
            }}
            onDrop={() => {
              if (dragFrom.current !== null) onChange((list) => move(list, dragFrom.current!, i));
              dragFrom.current = null;
            }}
          />
        ))}
        {uploads.map((u) => (
          <UploadThumb
            key={u.key}
            upload={u}
            onRetry={() => retry(u)}
            onDismiss={() => dismiss(u)}
            testId="image-upload"
          />
        ))}
        {!full && !props.disabled && (
          <li className="bz-thumbs__item bz-thumbs__add">
            <label htmlFor={inputId} className="bz-thumbs__add-label">
              <span aria-hidden="true">+</span>
              Add images
            </label>
            <input
              id={inputId}
              type="file"
              accept={MEDIA_TYPES.join(",")}
              multiple
              className="bz-visually-hidden"
              data-testid="image-input"
              onChange={(e) => {
                const files = [...(e.target.files ?? [])];
                e.target.value = "";
                void add(files);
              }}
            />
          </li>
        )}
      </ol>
      {notice && (
        <p className="bz-field__error" role="alert">
          {notice}
        </p>
      )}
      {props.error ? (
        <p className="bz-field__error" data-testid="images-error">
          {props.error}
        </p>
      ) : (
        <p className="bz-field__hint">
          Up to {max} JPEG, PNG or WebP images, {MEDIA_MAX_BYTES / MB} MB each. The first is the cover; drag
          or use the arrows to reorder.
        </p>
      )}
    </div>
  );
}
