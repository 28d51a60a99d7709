import { useTRPC } from "@bazaar/client";
import { useDebounced } from "@bazaar/ui";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useId, useState } from "react";
import { useLocation, useNavigate, useSearchParams } from "react-router";

type Suggestion = { kind: "category" | "brand" | "product"; label: string; slug: string | null };

const DEBOUNCE_MS = 200;

const KIND_LABEL = { category: "Category", brand: "Brand", product: "" } as const;

/**
 * The header search: a combobox whose suggestions (categories, brands, products) come from
 * `catalog.search.suggest` as the shopper types; Enter searches for the text itself.
 */
export function SearchBox() {
  const trpc = useTRPC();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const id = useId();
  const [text, setText] = useState(params.get("q") ?? "");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const q = useDebounced(text.trim(), DEBOUNCE_MS);
  const suggest = useQuery({
    ...trpc.catalog.search.suggest.queryOptions({ q, limit: 8 }),
    enabled: q.length >= 2,
    staleTime: 60_000,
    placeholderData: (previous) => previous,
  });
  const items: Suggestion[] = q.length >= 2 && text.trim().length >= 2 ? (suggest.data ?? []) : [];
  const showList = open && items.length > 0;

  // On the results page the box shows the search in the URL (back button, a facet link).
  const onResults = useLocation().pathname === "/search";
  const urlQ = params.get("q") ?? "";
  useEffect(() => {
    if (onResults) setText(urlQ);
  }, [urlQ, onResults]);

  const go = (s: Suggestion | null) => {
    setOpen(false);
    setActive(-1);
    if (!s) {
      const query = text.trim();
      if (query) navigate(`/search?q=${encodeURIComponent(query)}`);
      return;
    }
    if (s.kind === "product" && s.slug) navigate(`/p/${s.slug}`);
    else if (s.kind === "category" && s.slug) navigate(`/c/${s.slug}`);
    else navigate(`/search?brand=${encodeURIComponent(s.label)}`);
  };

  return (
    <form
      className="bz-search"
      aria-label="Search"
      onSubmit={(e) => {
        e.preventDefault();
        go(active >= 0 ? (items[active] ?? null) : null);
      }}
    >
      <label htmlFor={`${id}-input`} className="bz-visually-hidden">
        Search Bazaar
      </label>
      <input
        id={`${id}-input`}
        type="search"
        className="bz-input bz-search__input"
        placeholder="Search sarees, kurtas, décor…"
        autoComplete="off"
        role="combobox"
        aria-expanded={showList}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={showList && active >= 0 ? `${id}-opt-${active}` : undefined}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown" && items.length) {
            e.preventDefault();
            setOpen(true);
            setActive((i) => (i + 1) % items.length);
          } else if (e.key === "ArrowUp" && items.length) {
            e.preventDefault();
            setActive((i) => (i <= 0 ? items.length - 1 : i - 1));
          } else if (e.key === "Escape") {
            setOpen(false);
            setActive(-1);
          }
        }}
        data-testid="search-input"
      />
      <button type="submit" className="bz-button bz-button--primary bz-search__button">
        Search
      </button>
      {showList && (
        <SuggestionList id={id} items={items} active={active} onActive={setActive} onChoose={go} />
      )}
    </form>
  );
}

/** The open list of suggestions; the active one follows the keyboard and the mouse. */
function SuggestionList(props: {
  id: string;
  items: Suggestion[];
  active: number;
  onActive: (index: number) => void;
  onChoose: (s: Suggestion) => void;
}) {
  const { id, active } = props;
  return (
    <div
      id={`${id}-list`}
      role="listbox"
      className="bz-suggest"
      aria-label="Suggestions"
      data-testid="suggestions"
    >
      {props.items.map((s, i) => (
        <div
          key={`${s.kind}:${s.label}`}
          id={`${id}-opt-${i}`}
          role="option"
          tabIndex={-1}
          aria-selected={i === active}
          className={`bz-suggest__item${i === active ? " bz-suggest__item--active" : ""}`}
          // mousedown, not click: it runs before the input's blur closes the list.
          onMouseDown={(e) => {
            e.preventDefault();
            props.onChoose(s);
          }}
          onMouseEnter={() => props.onActive(i)}
        >
          <span>{s.label}</span>
          {KIND_LABEL[s.kind] && <span className="bz-suggest__kind">{KIND_LABEL[s.kind]}</span>}
        </div>
      ))}
    </div>
  );
}
