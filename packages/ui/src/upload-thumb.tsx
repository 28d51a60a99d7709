import { Button } from "./form";

/**
 * A file still uploading, previewed from memory, or one that failed, with Retry (when sending
 * it again may help) and Dismiss: the same in a review's photos and a product's images.
 */
export function UploadThumb(props: {
  upload: { name: string; preview: string; error: string | null; retryable: boolean };
  onRetry: () => void;
  onDismiss: () => void;
  testId: string;
}) {
  const u = props.upload;
  return (
    <li className="bz-thumbs__item bz-thumbs__item--pending" data-testid={props.testId}>
      <img src={u.preview} alt={`${u.name}, uploading`} className="bz-thumb" />
      {u.error ? (
        <div className="bz-thumbs__error" role="alert">
          <span>{u.error}</span>
          <span className="bz-thumbs__actions">
            {u.retryable && (
              <Button variant="link" className="bz-small" onClick={props.onRetry}>
                Retry
              </Button>
            )}
            <Button variant="link" className="bz-small" onClick={props.onDismiss}>
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
  );
}
