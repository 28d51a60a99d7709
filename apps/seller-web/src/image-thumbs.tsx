/** One image of the list: the cover badge on the first, arrows to move it, a button to remove it. */
export function ImageThumb(props: {
  url: string;
  index: number;
  count: number;
  disabled: boolean | undefined;
  onMove: (to: number) => void;
  onRemove: () => void;
  /** Drag and drop between thumbnails: where a drag starts and where it lands. */
  onDragStart: () => void;
  onDrop: () => void;
}) {
  const { index: i, disabled } = props;
  return (
    <li
      className="bz-thumbs__item"
      draggable={!disabled}
      onDragStart={props.onDragStart}
      onDragOver={(e) => e.preventDefault()}
      onDrop={(e) => {
        e.preventDefault();
        props.onDrop();
      }}
      data-testid="image"
    >
      <img src={props.url} alt={`View ${i + 1}${i === 0 ? " (cover)" : ""}`} className="bz-thumb" />
      {i === 0 && <span className="bz-thumbs__badge">Cover</span>}
      <div className="bz-thumbs__actions">
        <button
          type="button"
          className="bz-icon-button"
          aria-label={`Move image ${i + 1} earlier`}
          disabled={disabled || i === 0}
          onClick={() => props.onMove(i - 1)}
        >
          ←
        </button>
        <button
          type="button"
          className="bz-icon-button"
          aria-label={`Move image ${i + 1} later`}
          disabled={disabled || i === props.count - 1}
          onClick={() => props.onMove(i + 1)}
        >
          →
        </button>
        <button
          type="button"
          className="bz-icon-button bz-icon-button--danger"
          aria-label={`Remove image ${i + 1}`}
          disabled={disabled}
          onClick={props.onRemove}
        >
          ×
        </button>
      </div>
    </li>
  );
}
