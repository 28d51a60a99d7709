import { formatDate, formatDateTime, formatRupees } from "@bazaar/client/format";
import type { StatementDto } from "@bazaar/schemas";
import { Alert, Card, SumRow } from "@bazaar/ui";
import { LEDGER_KIND_LABELS } from "./money-labels";
import { lineAmount, monthName, reconciles, statementEquation } from "./statement-math";

/** One month: the sum that must add up, what it is made of, and each line with its balance. */
export function StatementView({ statement: s }: { statement: StatementDto }) {
  const lastDay = new Date(s.to.getTime() - 1);
  return (
    <>
      <Card title={`${monthName(s.month)} · ${s.shopName}`} testId="statement-summary">
        <p className="bz-muted bz-small">
          {formatDate(s.from)} to {formatDate(lastDay)}, India time. The balance is what Bazaar holds for you:
          pending, available and in payout.
        </p>
        <dl className="bz-sums">
          <SumRow label="Opening balance" value={formatRupees(s.opening)} testId="statement-opening" />
          <SumRow label="+ Credits" value={formatRupees(s.credits)} testId="statement-credits" />
          <SumRow label="− Debits" value={formatRupees(s.debits)} testId="statement-debits" />
          <SumRow
            label="= Closing balance"
            value={formatRupees(s.closing)}
            testId="statement-closing"
            total
          />
        </dl>
        {reconciles(s) ? (
          <p className="bz-small bz-text-success" data-testid="statement-reconciles">
            ✓ {statementEquation(s)}
          </p>
        ) : (
          <Alert tone="warning" testId="statement-mismatch">
            These figures do not add up ({statementEquation(s)}). Please write to Bazaar's support with this
            month.
          </Alert>
        )}
        <p className="bz-small">
          At the month's end: {formatRupees(s.closingBuckets.pending)} pending,{" "}
          {formatRupees(s.closingBuckets.available)} available, {formatRupees(s.closingBuckets.inPayout)} in
          payout.
        </p>
      </Card>
      {s.byKind.length > 0 && (
        <Card title="By kind">
          <div className="bz-table-wrap">
            <table className="bz-table" data-testid="statement-by-kind">
              <thead>
                <tr>
                  <th>Kind</th>
                  <th className="bz-align-right">Credits</th>
                  <th className="bz-align-right">Debits</th>
                </tr>
              </thead>
              <tbody>
                {s.byKind.map((k) => (
                  <tr key={k.kind}>
                    <td>{LEDGER_KIND_LABELS[k.kind]}</td>
                    <td className="bz-align-right bz-nowrap">{k.credits ? formatRupees(k.credits) : "—"}</td>
                    <td className="bz-align-right bz-nowrap">{k.debits ? formatRupees(k.debits) : "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Card>
      )}
      <Card title="Lines">
        {s.lines.length === 0 ? (
          <p className="bz-empty">No money moved this month.</p>
        ) : (
          <div className="bz-table-wrap">
            <table className="bz-table" data-testid="statement-lines">
              <thead>
                <tr>
                  <th>Entry</th>
                  <th className="bz-align-right">Amount</th>
                  <th className="bz-align-right">Balance</th>
                </tr>
              </thead>
              <tbody>
                {s.lines.map((l, i) => (
                  // Lines have no id of their own; their order within the month is fixed.
                  <tr key={i}>
                    <td>
                      {LEDGER_KIND_LABELS[l.kind]}
                      {l.reference && <span className="bz-mono bz-small"> · {l.reference}</span>}
                      {l.description && <div className="bz-muted bz-small">{l.description}</div>}
                      <div className="bz-muted bz-small">{formatDateTime(l.at)}</div>
                    </td>
                    <td
                      className={`bz-align-right bz-nowrap ${l.debit > l.credit ? "bz-text-danger" : "bz-text-success"}`}
                    >
                      {lineAmount(l)}
                    </td>
                    <td className="bz-align-right bz-nowrap">{formatRupees(l.balance)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </>
  );
}
