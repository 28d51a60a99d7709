// Dashboard charts on recharts: readable on a 360-px phone (a responsive width, 4 ticks, short
// Indian labels) and never the only way to read the numbers: each chart carries a table of the
// same figures, read by screen readers all the time and shown to anyone with "Show as table".
// Import these only from lazily loaded pages, so recharts stays out of an app's first download.
import "./charts.css";
import { type ReactNode, useId, useState } from "react";
import {
  Area,
  Bar,
  BarChart,
  CartesianGrid,
  ComposedChart,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { bucketLabel, type ChartGranularity, type TimeSeriesRow, tickIndexes, tickLabel } from "./chart-data";

const ACCENT = "#0f766e";
const PALETTE = [ACCENT, "#2563eb", "#b45309", "#7c3aed"];
const PREVIOUS = "#8b96a3";
const AXIS = { fontSize: 12, fill: "#5b6673" };

/** The frame every chart shares: title, the chart or its table, and the toggle between them. */
function ChartFrame(props: {
  title: string;
  description?: ReactNode;
  testId?: string;
  empty: boolean;
  emptyText: string;
  chart: ReactNode;
  table: ReactNode;
  defaultView?: "chart" | "table";
}) {
  const [asTable, setAsTable] = useState(props.defaultView === "table");
  const tableId = useId();
  return (
    <figure className="bz-chart" data-testid={props.testId}>
      <figcaption className="bz-chart__head">
        <span className="bz-chart__title">{props.title}</span>
        {!props.empty && (
          <button
            type="button"
            className="bz-button bz-button--link bz-chart__toggle"
            aria-expanded={asTable}
            aria-controls={tableId}
            onClick={() => setAsTable((v) => !v)}
          >
            {asTable ? "Show as chart" : "Show as table"}
          </button>
        )}
      </figcaption>
      {props.description && <p className="bz-muted bz-small bz-chart__description">{props.description}</p>}
      {props.empty ? (
        <p className="bz-empty">{props.emptyText}</p>
      ) : (
        <>
          {/* The picture is for the eyes; the table below says the same to everyone else. */}
          {!asTable && (
            <div className="bz-chart__plot" aria-hidden="true">
              {props.chart}
            </div>
          )}
          <div id={tableId} className={asTable ? "bz-table-wrap" : "bz-visually-hidden"}>
            {props.table}
          </div>
        </>
      )}
    </figure>
  );
}

export type TimeSeriesLine = {
  key: string;
  label: string;
  /** Drawn dashed and grey: the same figure in the period before. */
  previous?: boolean;
};

/**
 * Figures over time, one bucket a day, week or month (IST). The first non-previous series is an
 * area (or a line with `variant="line"`), the others lines; a `previous` series is dashed.
 */
export function TimeSeriesChart(props: {
  title: string;
  description?: ReactNode;
  granularity: ChartGranularity;
  rows: TimeSeriesRow[];
  series: TimeSeriesLine[];
  /** Full text of a value, for the tooltip and the table (formatRupees, formatCount…). */
  format: (n: number) => string;
  /** Short text of a value on the axis (formatRupeesCompact…); defaults to `format`. */
  axisFormat?: (n: number) => string;
  variant?: "area" | "line";
  height?: number;
  emptyText?: string;
  /** Which the reader sees first; the other is a click away (and the table always read aloud). */
  defaultView?: "chart" | "table";
  testId?: string;
}) {
  const { rows, series, granularity, format } = props;
  const ticks = tickIndexes(rows.length).map((i) => rows[i]?.date ?? "");
  const data = rows.map((r) => ({ date: r.date, ...r.values }));
  const empty = rows.length === 0 || rows.every((r) => series.every((s) => !r.values[s.key]));
  let colour = 0;
  const chart = (
    <ResponsiveContainer width="100%" height={props.height ?? 240}>
      <ComposedChart
        data={data}
        margin={{ top: 8, right: 20, bottom: 0, left: 0 }}
        accessibilityLayer={false}
      >
        <CartesianGrid stroke="#e6e9ed" vertical={false} />
        <XAxis
          dataKey="date"
          ticks={ticks}
          interval={0}
          tick={AXIS}
          tickLine={false}
          tickFormatter={(d: string) => tickLabel(d, granularity)}
          minTickGap={4}
        />
        <YAxis
          width={56}
          tick={AXIS}
          tickLine={false}
          axisLine={false}
          tickCount={4}
          allowDecimals={false}
          tickFormatter={(n: number) => (props.axisFormat ?? format)(n)}
        />
        <Tooltip
          formatter={(value) => (typeof value === "number" ? format(value) : String(value ?? "—"))}
          labelFormatter={(label) => bucketLabel(String(label), granularity)}
        />
        {series.map((s, i) => {
          if (s.previous)
            return (
              <Line
                key={s.key}
                dataKey={s.key}
                name={s.label}
                stroke={PREVIOUS}
                strokeDasharray="5 4"
                strokeWidth={1.5}
                dot={false}
                isAnimationActive={false}
                connectNulls={false}
              />
            );
          const stroke = PALETTE[colour++ % PALETTE.length];
          return i === 0 && props.variant !== "line" ? (
            <Area
              key={s.key}
              dataKey={s.key}
              name={s.label}
              stroke={stroke}
              fill={stroke}
              fillOpacity={0.12}
              strokeWidth={2}
              isAnimationActive={false}
            />
          ) : (
            <Line
              key={s.key}
              dataKey={s.key}
              name={s.label}
              stroke={stroke}
              strokeWidth={2}
              dot={rows.length <= 12}
              isAnimationActive={false}
            />
          );
        })}
      </ComposedChart>
    </ResponsiveContainer>
  );
  const table = (
    <table className="bz-table bz-table--compact">
      <caption className="bz-visually-hidden">{props.title}</caption>
      <thead>
        <tr>
          <th scope="col">{granularity === "month" ? "Month" : granularity === "week" ? "Week" : "Day"}</th>
          {series.map((s) => (
            <th key={s.key} scope="col" className="bz-align-right">
              {s.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.date}>
            <th scope="row" className="bz-nowrap">
              {bucketLabel(r.date, granularity)}
            </th>
            {series.map((s) => {
              const v = r.values[s.key];
              return (
                <td key={s.key} className="bz-align-right bz-nowrap">
                  {v === null || v === undefined ? "—" : format(v)}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <ChartFrame
      title={props.title}
      description={props.description}
      testId={props.testId}
      empty={empty}
      emptyText={props.emptyText ?? "Nothing in this period yet."}
      chart={chart}
      table={table}
      defaultView={props.defaultView}
    />
  );
}

export type BarColumn = { key: string; label: string; format: (n: number) => string };
export type BarRow = { id: string; label: string; values: Record<string, number> };

/**
 * A ranking as horizontal bars (names stay readable on a phone): `barKey` is the figure drawn;
 * the table shows every column. Rows come in the order they are to be shown.
 */
export function RankBarChart(props: {
  title: string;
  description?: ReactNode;
  rows: BarRow[];
  columns: BarColumn[];
  barKey: string;
  /** Short text of the drawn figure on the axis; defaults to its column's format. */
  axisFormat?: (n: number) => string;
  /** The name column's header ("Product", "Category"). */
  nameLabel?: string;
  emptyText?: string;
  defaultView?: "chart" | "table";
  testId?: string;
}) {
  const bar = props.columns.find((c) => c.key === props.barKey) ?? props.columns[0];
  const data = props.rows.map((r) => ({ name: shorten(r.label), full: r.label, ...r.values }));
  const chart = bar && (
    <ResponsiveContainer width="100%" height={Math.max(120, props.rows.length * 32 + 32)}>
      <BarChart
        data={data}
        layout="vertical"
        margin={{ top: 4, right: 12, bottom: 0, left: 0 }}
        accessibilityLayer={false}
      >
        <CartesianGrid stroke="#e6e9ed" horizontal={false} />
        <XAxis
          type="number"
          tick={AXIS}
          tickLine={false}
          tickCount={4}
          allowDecimals={false}
          tickFormatter={(n: number) => (props.axisFormat ?? bar.format)(n)}
        />
        <YAxis type="category" dataKey="name" width={110} tick={AXIS} tickLine={false} interval={0} />
        <Tooltip
          formatter={(value) => (typeof value === "number" ? bar.format(value) : String(value ?? "—"))}
          labelFormatter={(_label, payload) => String(payload?.[0]?.payload?.full ?? _label)}
        />
        <Bar
          dataKey={bar.key}
          name={bar.label}
          fill={ACCENT}
          radius={[0, 4, 4, 0]}
          isAnimationActive={false}
        />
      </BarChart>
    </ResponsiveContainer>
  );
  const table = (
    <table className="bz-table bz-table--compact">
      <caption className="bz-visually-hidden">{props.title}</caption>
      <thead>
        <tr>
          <th scope="col">{props.nameLabel ?? "Name"}</th>
          {props.columns.map((c) => (
            <th key={c.key} scope="col" className="bz-align-right">
              {c.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {props.rows.map((r) => (
          <tr key={r.id}>
            <th scope="row">{r.label}</th>
            {props.columns.map((c) => (
              <td key={c.key} className="bz-align-right bz-nowrap">
                {c.format(r.values[c.key] ?? 0)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <ChartFrame
      title={props.title}
      description={props.description}
      testId={props.testId}
      empty={props.rows.length === 0}
      emptyText={props.emptyText ?? "Nothing to rank in this period yet."}
      chart={chart}
      table={table}
      defaultView={props.defaultView}
    />
  );
}

/** Axis names are cut to fit a phone; the tooltip and the table keep the whole name. */
const shorten = (s: string) => (s.length > 16 ? `${s.slice(0, 15)}…` : s);
