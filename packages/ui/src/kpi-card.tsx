import "./charts.css";
import type { ReactNode } from "react";
import { describeChange } from "./chart-data";

type Kpi = { value: number; previous: number; change: number | null };

/**
 * One headline figure with how it moved against the previous period of the same length:
 * "₹12,400 ▲ +8.2% vs ₹11,460". No chart, so it is cheap anywhere; the text says it all.
 */
export function KpiCard(props: {
  label: string;
  kpi: Kpi;
  format: (n: number) => string;
  /** A rise is bad news (returns rate, refund rate): shown red. */
  lowerIsBetter?: boolean;
  /** Rates move in percentage points. */
  changeAs?: "percent" | "points";
  hint?: string;
  testId?: string;
}) {
  const change = describeChange(props.kpi, {
    format: props.format,
    lowerIsBetter: props.lowerIsBetter,
    changeAs: props.changeAs,
  });
  return (
    <li className="bz-kpi" data-testid={props.testId}>
      <span className="bz-kpi__label">{props.label}</span>
      <span className="bz-kpi__value" data-testid={props.testId && `${props.testId}-value`}>
        {props.format(props.kpi.value)}
      </span>
      <span className={`bz-kpi__change bz-kpi__change--${change.tone}`} title={change.sentence}>
        {change.arrow && <span aria-hidden="true">{change.arrow} </span>}
        <span className="bz-visually-hidden">{change.sentence}</span>
        <span aria-hidden="true">
          {change.text}
          {change.tone !== "none" && (
            <span className="bz-kpi__before"> vs {props.format(props.kpi.previous)}</span>
          )}
        </span>
      </span>
      {props.hint && <span className="bz-kpi__hint">{props.hint}</span>}
    </li>
  );
}

/** The list the KPI cards sit in: two columns on a phone, more as the screen widens. */
export function KpiGrid(props: { label: string; children: ReactNode; testId?: string }) {
  return (
    <ul className="bz-kpis" aria-label={props.label} data-testid={props.testId}>
      {props.children}
    </ul>
  );
}
