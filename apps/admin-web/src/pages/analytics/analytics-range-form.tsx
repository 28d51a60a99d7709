import type { FormError } from "@bazaar/client";
import { Button, ErrorAlert, Form, SelectField, TextField } from "@bazaar/ui";
import { useEffect, useState } from "react";
import {
  type AnalyticsQuery,
  defaultGranularity,
  presetRange,
  RANGE_PRESETS,
  type RangePreset,
  rangeProblem,
} from "./range-presets";

const GRANULARITY_OPTIONS = [
  { value: "day", label: "By day" },
  { value: "week", label: "By week (from Monday)" },
  { value: "month", label: "By month" },
];

/**
 * The period: a preset applies at once; custom dates wait for "Show". A bad custom range is
 * named beside its field before asking (the API would say the same about `from`/`to`).
 */
export function AnalyticsRangeForm(props: {
  query: AnalyticsQuery;
  error: FormError | null;
  onApply: (q: AnalyticsQuery) => void;
}) {
  const { query } = props;
  const [from, setFrom] = useState(query.from);
  const [to, setTo] = useState(query.to);
  const [problem, setProblem] = useState<ReturnType<typeof rangeProblem>>(null);
  // A preset chosen elsewhere (the URL, the home page's link) shows its dates here.
  useEffect(() => {
    setFrom(query.from);
    setTo(query.to);
  }, [query.from, query.to]);

  const choosePreset = (value: string) => {
    const preset = value as RangePreset;
    const range = presetRange(preset, new Date());
    setProblem(null);
    if (!range) return props.onApply({ ...query, preset: "custom" });
    props.onApply({ preset, ...range, granularity: defaultGranularity(range) });
  };
  const showCustom = () => {
    const p = rangeProblem({ from, to });
    setProblem(p);
    if (!p) props.onApply({ ...query, preset: "custom", from, to });
  };
  const fe = props.error?.fieldErrors ?? {};

  return (
    <Form aria-label="Analytics period" className="bz-toolbar-form" onSubmit={showCustom}>
      <ErrorAlert error={problem ? null : props.error} fields={["from", "to", "granularity"]} />
      <div className="bz-toolbar">
        <SelectField
          id="analytics-range"
          label="Period"
          options={RANGE_PRESETS}
          value={query.preset}
          onValue={choosePreset}
        />
        <SelectField
          id="analytics-granularity"
          label="Show"
          options={GRANULARITY_OPTIONS}
          value={query.granularity}
          onValue={(g) => props.onApply({ ...query, granularity: g as AnalyticsQuery["granularity"] })}
        />
        {query.preset === "custom" && (
          <>
            <TextField
              id="analytics-from"
              label="From"
              type="date"
              value={from}
              onValue={setFrom}
              error={problem?.field === "from" ? problem.message : fe.from}
            />
            <TextField
              id="analytics-to"
              label="To"
              type="date"
              value={to}
              onValue={setTo}
              error={problem?.field === "to" ? problem.message : fe.to}
            />
            <Button type="submit" variant="secondary">
              Show
            </Button>
          </>
        )}
      </div>
    </Form>
  );
}
