import { Button, Form, TextField } from "@bazaar/ui";
import { useState } from "react";
import { useSearchParams } from "react-router";

/**
 * A list's filters kept in the address: `applied` is what the URL says (the query reads it),
 * `values` what is typed in the form until Search writes it to the URL. Replacing, not
 * pushing, so Back leaves the page rather than stepping through each search.
 */
export function useUrlFilters<T extends Record<string, string>>(opts: {
  read: (params: URLSearchParams) => T;
  toParams: (filters: T) => URLSearchParams;
  empty: T;
}) {
  const [params, setParams] = useSearchParams();
  const applied = opts.read(params);
  const [values, setValues] = useState<T>(applied);
  const filtered = opts.toParams(applied).size > 0;
  const set = (key: keyof T) => (value: string) => setValues((v) => ({ ...v, [key]: value }));
  const search = () => setParams(opts.toParams(values), { replace: true });
  const clear = () => {
    setValues(opts.empty);
    setParams(new URLSearchParams(), { replace: true });
  };
  return { applied, values, set, filtered, search, clear };
}

/** The end of a filter toolbar: Search, and Clear filters once any filter applies. */
export function FilterActions({ filtered, onClear }: { filtered: boolean; onClear: () => void }) {
  return (
    <>
      <Button type="submit" variant="secondary">
        Search
      </Button>
      {filtered && (
        <Button variant="link" onClick={onClear}>
          Clear filters
        </Button>
      )}
    </>
  );
}

/**
 * A one-field search kept in the address as `q`, beside the page's other parameters (its
 * tab, a shop): searching replaces only `q`, and an empty search removes it.
 */
export function UrlSearchForm(props: { formLabel: string; label: string; placeholder: string }) {
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState(params.get("q")?.trim() ?? "");
  return (
    <Form
      aria-label={props.formLabel}
      className="bz-toolbar-form"
      onSubmit={() => {
        const next = new URLSearchParams(params);
        if (search.trim()) next.set("q", search.trim());
        else next.delete("q");
        setParams(next, { replace: true });
      }}
    >
      <div className="bz-toolbar">
        <TextField
          id="q"
          label={props.label}
          type="search"
          placeholder={props.placeholder}
          value={search}
          onValue={setSearch}
        />
        <Button type="submit" variant="secondary">
          Search
        </Button>
      </div>
    </Form>
  );
}
