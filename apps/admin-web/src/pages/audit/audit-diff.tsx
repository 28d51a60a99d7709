import type { AuditEntryDto } from "@bazaar/schemas";
import { diffRows, diffValueText } from "./audit-values";

const KIND_LABEL = { added: "added", removed: "removed", changed: "changed" } as const;

/** The fields an entry changed, before → after, then what else it recorded and where it came from. */
export function AuditDiff({ entry: e }: { entry: AuditEntryDto }) {
  const rows = diffRows(e.changes);
  const details = Object.entries(e.details ?? {});
  return (
    <div className="bz-stack">
      {rows.length === 0 ? (
        <p className="bz-muted bz-small">No field changed on the target itself.</p>
      ) : (
        <table className="bz-table" aria-label="Changes" data-testid="audit-diff">
          <thead>
            <tr>
              <th>Field</th>
              <th>Before</th>
              <th>After</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key} data-kind={r.kind}>
                <td className="bz-mono">
                  {r.key} <span className="bz-muted bz-small">({KIND_LABEL[r.kind]})</span>
                </td>
                <td className="bz-mono bz-small">{r.kind === "added" ? r.before : <del>{r.before}</del>}</td>
                <td className="bz-mono bz-small">{r.kind === "removed" ? r.after : <ins>{r.after}</ins>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <dl className="bz-facts bz-small">
        {details.map(([k, v]) => (
          <div className="bz-facts__pair" key={k}>
            <dt className="bz-capitalize">{k}</dt>
            <dd className="bz-prewrap">{diffValueText(v)}</dd>
          </div>
        ))}
        <div className="bz-facts__pair">
          <dt>Request</dt>
          <dd className="bz-mono">{e.requestId ?? "— (a job)"}</dd>
        </div>
        <div className="bz-facts__pair">
          <dt>IP address</dt>
          <dd className="bz-mono">{e.ip ?? "—"}</dd>
        </div>
      </dl>
    </div>
  );
}
