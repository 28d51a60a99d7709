import { MediaUploadError, toFormError, useUploadMedia } from "@bazaar/client";
import { MEDIA_MAX_BYTES, MEDIA_TYPES } from "@bazaar/schemas";
import { Button } from "@bazaar/ui";
import { type Dispatch, type SetStateAction, useEffect, useId, useRef, useState } from "react";

export type ImageItem = { mediaId: string; url: string };
type Upload = {
  key: string;
  name: string;
  preview: string;
  file: File;
  error: string | null;
  /** False when the server refused the file itself: sending it again would not help. */
  retryable: boolean;
};

const MB = 1024 * 1024;

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
  const { images, onChange, max, onBusy } = props;
  const upload = useUploadMedia();
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const dragFrom = useRef<number | null>(null);
  const busy = uploads.some((u) => u.error === null);

  useEffect(() => onBusy?.(busy), [busy, onBusy]);
  // Object URLs hold the file in memory until revoked.
  const previews = useRef(new Set<string>());
  useEffect(
    () => () => {
      for (const url of previews.current) URL.revokeObjectURL(url);
    },
    [],
  );

  const send = async (item: Upload) => {
    try {
      const media = await upload(item.file);
      onChange((list) => [...list, { mediaId: media.id, url: media.url }]);
      setUploads((list) => list.filter((u) => u.key !== item.key));
      URL.revokeObjectURL(item.preview);
      previews.current.delete(item.preview);
    } catch (error) {
      const e = toFormError(error);
      const refused = error instanceof MediaUploadError && error.status !== null && error.status < 500;
      setUploads((list) =>
        list.map((u) =>
          u.key === item.key ? { ...u, error: e.fieldErrors.file ?? e.message, retryable: !refused } : u,
        ),
      );
    }
  };

  const add = async (files: File[]) => {
    setNotice(null);
    const room = max - images.length - uploads.length;
    const accepted: Upload[] = [];
    const refused: string[] = [];
    for (const file of files) {
      if (!(MEDIA_TYPES as readonly string[]).includes(file.type))
        refused.push(`${file.name} is not a JPEG, PNG or WebP image`);
      else if (file.size > MEDIA_MAX_BYTES)
        refused.push(`${file.name} is larger than ${MEDIA_MAX_BYTES / MB} MB`);
      else if (accepted.length >= room) refused.push(`${file.name} was left out: at most ${max} images`);
      else {
        const preview = URL.createObjectURL(file);
        previews.current.add(preview);
        accepted.push({
          key: `${Date.now()}-${accepted.length}-${file.name}`,
          name: file.name,
          preview,
          file,
          error: null,
          retryable: true,
        });
      }
    }
    if (refused.length) setNotice(refused.join(". "));
    setUploads((list) => [...list, ...accepted]);
    // One at a time, so images land in the order they were chosen.
    for (const item of accepted) await send(item);
  };

  const retry = (item: Upload) => {
    setUploads((list) => list.map((u) => (u.key === item.key ? { ...u, error: null } : u)));
    void send({ ...item, error: null });
  };
  const dismiss = (item: Upload) => {
    URL.revokeObjectURL(item.preview);
    previews.current.delete(item.preview);
    setUploads((list) => list.filter((u) => u.key !== item.key));
  };

  const full = images.length + uploads.length >= max;
  return (
    <div className="bz-field">
      <span className={props.hideLabel ? "bz-visually-hidden" : "bz-field__label"} id={`${inputId}-label`}>
        Images
      </span>
      <ol className="bz-thumbs" aria-labelledby={`${inputId}-label`} data-testid="images">
        {images.map((image, i) => (
          <li
            key={image.mediaId}
            className="bz-thumbs__item"
            draggable={!props.disabled}
            onDragStart={() => {
              dragFrom.current = i;
            }}
            onDragOver={(e) => e.preventDefault()}
            onDrop={(e) => {
              e.preventDefault();
              if (dragFrom.current !== null) onChange((list) => move(list, dragFrom.current!, i));
              dragFrom.current = null;
            }}
            data-testid="image"
          >
            <img src={image.url} alt={`View ${i + 1}${i === 0 ? " (cover)" : ""}`} className="bz-thumb" />
            {i === 0 && <span className="bz-thumbs__badge">Cover</span>}
            <div className="bz-thumbs__actions">
              <button
                type="button"
                className="bz-icon-button"
                aria-label={`Move image ${i + 1} earlier`}
                disabled={props.disabled || i === 0}
                onClick={() => onChange((list) => move(list, i, i - 1))}
              >
                ←
              </button>
              <button
                type="button"
                className="bz-icon-button"
                aria-label={`Move image ${i + 1} later`}
                disabled={props.disabled || i === images.length - 1}
                onClick={() => onChange((list) => move(list, i, i + 1))}
              >
                →
              </button>
              <button
                type="button"
                className="bz-icon-button bz-icon-button--danger"
                aria-label={`Remove image ${i + 1}`}
                disabled={props.disabled}
                onClick={() => onChange((list) => list.filter((x) => x.mediaId !== image.mediaId))}
              >
                ×
              </button>
            </div>
          </li>
        ))}
        {uploads.map((u) => (
          <li key={u.key} className="bz-thumbs__item bz-thumbs__item--pending" data-testid="image-upload">
            <img src={u.preview} alt={`${u.name}, uploading`} className="bz-thumb" />
            {u.error ? (
              <div className="bz-thumbs__error" role="alert">
                <span>{u.error}</span>
                <span className="bz-thumbs__actions">
                  {u.retryable && (
                    <Button variant="link" className="bz-small" onClick={() => retry(u)}>
                      Retry
                    </Button>
                  )}
                  <Button variant="link" className="bz-small" onClick={() => dismiss(u)}>
                    Dismiss
                  </Button>
                </span>
              </div>
            ) : (
              <span className="bz-thumbs__status">
                <span className="bz-spinner" aria-hidden="true" /> Uploading…
              </span>
            )}
          </li>
        ))}
        {!full && !props.disabled && (
          <li className="bz-thumbs__item bz-thumbs__add">
            <label htmlFor={inputId} className="bz-thumbs__add-label">
              <span aria-hidden="true">+</span>
              Add images
            </label>
            <input
              ref={input}
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
