import { formatDateTime } from "@bazaar/client/format";
import type { AuditEntryDto } from "@bazaar/schemas";
import { Button } from "@bazaar/ui";
import { useId, useState } from "react";
import { Link } from "react-router";
import { AuditDiff } from "./audit-diff";
import { actionLabel, historyHref, targetHref } from "./audit-values";

/** One entry: a row, and below it (when opened) the before → after of each field it changed. */
export function AuditEntryRow({ entry: e }: { entry: AuditEntryDto }) {
  const [open, setOpen] = useState(false);
  const detailsId = useId();
  const href = targetHref(e.targetType, e.targetId);
  return (
    <>
      <tr data-testid="audit-row">
        <td className="bz-nowrap bz-small">{formatDateTime(e.createdAt)}</td>
        <td>
          {e.actor ? (
            <>
              {e.actor.name}
              <div className="bz-muted bz-small">{e.actor.email}</div>
            </>
          ) : (
            <span className="bz-muted">{e.actorRole === "system" ? "System" : "Removed account"}</span>
          )}
          {e.actorRole && <div className="bz-muted bz-small bz-capitalize">{e.actorRole}</div>}
          {e.apiKey && (
            <div className="bz-muted bz-small" data-testid="audit-api-key">
              via API key “{e.apiKey.name}”
            </div>
          )}
        </td>
        <td>
          <strong>{actionLabel(e.action)}</strong>
          <div className="bz-muted bz-small bz-mono">{e.action}</div>
        </td>
        <td>
          <span className="bz-capitalize">{e.targetType.replace(/_/g, " ")}</span>
          {e.targetId && (
            <div className="bz-small bz-mono">{href ? <Link to={href}>{e.targetId}</Link> : e.targetId}</div>
          )}
          {e.targetId && (
            <Link className="bz-small" to={historyHref(e.targetType, e.targetId)}>
              All its history
            </Link>
          )}
        </td>
        <td className="bz-align-right">
          <Button
            variant="secondary"
            className="bz-button--small"
            aria-expanded={open}
            aria-controls={detailsId}
            onClick={() => setOpen((o) => !o)}
          >
            {open ? "Hide" : e.changes.length > 0 ? `Changes (${e.changes.length})` : "Details"}
          </Button>
        </td>
      </tr>
      {open && (
        <tr className="bz-table__detail" id={detailsId} data-testid="audit-detail">
          <td colSpan={5}>
            <AuditDiff entry={e} />
          </td>
        </tr>
      )}
    </>
  );
}
