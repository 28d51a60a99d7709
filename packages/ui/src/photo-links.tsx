/**
 * Photos a person attached (to a review or a return), each a thumbnail that opens the full
 * image in a new tab. `alt` names one: "From the reviewer, 1 of 3".
 */
export function PhotoLinks(props: {
  photos: readonly { url: string }[];
  alt: (index: number, count: number) => string;
  className: string;
  label?: string;
  testId?: string;
  /** Small thumbnails, loaded only when scrolled to (a long list of reviews). */
  small?: boolean;
}) {
  const { photos } = props;
  return (
    <ul className={props.className} aria-label={props.label} data-testid={props.testId}>
      {photos.map((p, i) => (
        <li key={p.url}>
          <a href={p.url} target="_blank" rel="noreferrer">
            <img
              src={p.url}
              alt={props.alt(i, photos.length)}
              className={props.small ? "bz-thumb bz-thumb--small" : "bz-thumb"}
              loading={props.small ? "lazy" : undefined}
            />
          </a>
        </li>
      ))}
    </ul>
  );
}
