import type { AnalyticsGranularity } from "@bazaar/schemas";
import { Button, Form, SelectField, TextField } from "@bazaar/ui";
import { useState } from "react";
import {
  type AnalyticsView,
  customRangeError,
  defaultGranularity,
  GRANULARITIES,
  presetRange,
  RANGE_PRESETS,
} from "./analytics-range";

const GRANULARITY_LABELS: Record<AnalyticsGranularity, string> = { day: "Day", week: "Week", month: "Month" };

/** Last 7, 30 or 90 days, or a custom range (India days), and how the charts group it. */
export function RangePicker(props: { view: AnalyticsView; onChange: (view: AnalyticsView) => void }) {
  const { view } = props;
  const [custom, setCustom] = useState(view.preset === null);
  const choosePreset = (days: (typeof RANGE_PRESETS)[number]) => {
    setCustom(false);
    const range = presetRange(days, new Date());
    props.onChange({ preset: days, ...range, granularity: defaultGranularity(range.from, range.to) });
  };
  return (
    <div className="bz-range-picker" data-testid="range-picker">
      <div className="bz-toolbar">
        <fieldset className="bz-fieldset bz-segmented">
          <legend className="bz-field__label">Period</legend>
          {RANGE_PRESETS.map((days) => (
            <Button
              key={days}
              variant={!custom && view.preset === days ? "primary" : "secondary"}
              aria-pressed={!custom && view.preset === days}
              onClick={() => choosePreset(days)}
              data-testid={`range-${days}`}
            >
              {days} days
            </Button>
          ))}
          <Button
            variant={custom ? "primary" : "secondary"}
            aria-pressed={custom}
            onClick={() => setCustom(true)}
            data-testid="range-custom"
          >
            Custom
          </Button>
        </fieldset>
        <SelectField
          id="analytics-granularity"
          label="Group by"
          options={GRANULARITIES.map((g) => ({ value: g, label: GRANULARITY_LABELS[g] }))}
          value={view.granularity}
          onValue={(g) => props.onChange({ ...view, granularity: g as AnalyticsGranularity })}
        />
      </div>
      {custom && <CustomRangeForm view={view} onApply={props.onChange} />}
    </div>
  );
}

function CustomRangeForm(props: { view: AnalyticsView; onApply: (view: AnalyticsView) => void }) {
  const [from, setFrom] = useState(props.view.from);
  const [to, setTo] = useState(props.view.to);
  const [error, setError] = useState<{ field: "from" | "to"; message: string } | null>(null);
  const apply = () => {
    const problem = customRangeError(from, to);
    setError(problem);
    if (!problem) props.onApply({ preset: null, from, to, granularity: defaultGranularity(from, to) });
  };
  return (
    <Form aria-label="Custom period" className="bz-toolbar-form" onSubmit={apply}>
      <div className="bz-toolbar">
        <TextField
          id="analytics-from"
          label="From"
          type="date"
          value={from}
          onValue={setFrom}
          error={error?.field === "from" ? error.message : undefined}
        />
        <TextField
          id="analytics-to"
          label="To"
          type="date"
          value={to}
          onValue={setTo}
          error={error?.field === "to" ? error.message : undefined}
        />
        <Button type="submit" variant="secondary" data-testid="apply-range">
          Show
        </Button>
      </div>
    </Form>
  );
}
