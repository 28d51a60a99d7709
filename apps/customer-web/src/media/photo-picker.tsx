import { MEDIA_TYPES } from "@bazaar/schemas";
import { UploadThumb } from "@bazaar/ui";
import { useId } from "react";
import type { PendingPhoto, Photo } from "./use-photo-uploads";

/**
 * Up to `max` photos: the ones uploaded (each removable), the ones still uploading or
 * failed (retry / dismiss), and an "Add photos" file button while there is room.
 */
export function PhotoPicker(props: {
  label: string;
  photos: Photo[];
  pending: PendingPhoto[];
  max: number;
  notice: string | null;
  error?: string | undefined;
  onAdd: (files: File[]) => void;
  onRemove: (mediaId: string) => void;
  onRetry: (item: PendingPhoto) => void;
  onDismiss: (item: PendingPhoto) => void;
  testId?: string;
}) {
  const id = useId();
  const full = props.photos.length + props.pending.length >= props.max;
  return (
    <div className={`bz-field${props.error ? " bz-field--invalid" : ""}`} data-testid={props.testId}>
      <span className="bz-field__label" id={`${id}-label`}>
        {props.label} <span className="bz-muted bz-small">(up to {props.max})</span>
      </span>
      <ol className="bz-thumbs" aria-labelledby={`${id}-label`}>
        {props.photos.map((p, i) => (
          <li key={p.mediaId} className="bz-thumbs__item" data-testid="photo">
            <img src={p.url} alt={`Added ${i + 1} of ${props.photos.length}`} className="bz-thumb" />
            <button
              type="button"
              className="bz-icon-button bz-icon-button--danger"
              aria-label={`Remove photo ${i + 1}`}
              onClick={() => props.onRemove(p.mediaId)}
            >
              ×
            </button>
          </li>
        ))}
        {props.pending.map((u) => (
          <UploadThumb
            key={u.key}
            upload={u}
            onRetry={() => props.onRetry(u)}
            onDismiss={() => props.onDismiss(u)}
            testId="photo-upload"
          />
        ))}
        {!full && (
          <li className="bz-thumbs__item bz-thumbs__add">
            <label htmlFor={`${id}-file`} className="bz-thumbs__add-label">
              <span aria-hidden="true">+</span>
              Add photos
            </label>
            <input
              id={`${id}-file`}
              type="file"
              accept={MEDIA_TYPES.join(",")}
              multiple
              className="bz-visually-hidden"
              aria-describedby={props.error ? `${id}-error` : undefined}
              onChange={(e) => {
                const files = [...(e.target.files ?? [])];
                e.target.value = "";
                if (files.length) props.onAdd(files);
              }}
            />
          </li>
        )}
      </ol>
      {props.notice && (
        <p className="bz-field__hint" role="status">
          {props.notice}
        </p>
      )}
      {props.error && (
        <p id={`${id}-error`} className="bz-field__error">
          {props.error}
        </p>
      )}
    </div>
  );
}
