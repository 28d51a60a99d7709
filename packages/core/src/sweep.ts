import { foldRecentRollupShards } from "./analytics";
import { releaseDueFunds } from "./ledger";
import { redriveUnreadEmails } from "./messaging";
import { redrivePendingEmails } from "./notifications";
import { expireOverdueOrders, redrivePaymentWork } from "./payments";
import type { Deps } from "./platform/deps";
import { dispatchWebhooks } from "./webhooks";

export type SweepReport = {
  expiredOrders: number;
  emails: number;
  webhooks: number;
  refunds: number;
  /** Sub-orders whose pending money was released here because their job was lost. */
  releasedFunds: number;
  /** Conversations whose unread-message email check was scheduled again here. */
  unreadEmails: number;
  /** Outbound webhook events whose delivery job was queued again here (a lost job). */
  outboundWebhooks: number;
  /** Shard rows of closed days and months folded into one (analytics rollups). */
  foldedRollupRows: number;
  /** Parts that failed this run (the database was away, say); the next run tries again. */
  failed: string[];
};

/**
 * Job, repeating: the safety net under every job that is enqueued after a commit. Each
 * kind of work has a durable row (an outbox email, a stored webhook, a booked refund, an
 * order's expiry time), so whatever a lost enqueue, a restart or a Redis outage dropped is
 * found here and done. Each part runs on its own: one failing does not stop the others.
 * It also folds the analytics rollups' shards of days just closed (housekeeping, not a redrive).
 */
export async function sweep(deps: Deps): Promise<SweepReport> {
  const report: SweepReport = {
    expiredOrders: 0,
    emails: 0,
    webhooks: 0,
    refunds: 0,
    releasedFunds: 0,
    unreadEmails: 0,
    outboundWebhooks: 0,
    foldedRollupRows: 0,
    failed: [],
  };
  const part = async (name: string, run: () => Promise<void>) => {
    try {
      await run();
    } catch (err) {
      deps.log.warn({ err, part: name }, "sweep part failed; the next run tries again");
      report.failed.push(name);
    }
  };
  await part("orders", async () => {
    report.expiredOrders = (await expireOverdueOrders(deps)).expired;
  });
  await part("emails", async () => {
    report.emails = await redrivePendingEmails(deps, deps.sweepGraceMs);
  });
  await part("payments", async () => {
    Object.assign(report, await redrivePaymentWork(deps));
  });
  await part("ledger", async () => {
    report.releasedFunds = await releaseDueFunds(deps);
  });
  await part("messages", async () => {
    report.unreadEmails = await redriveUnreadEmails(deps, deps.sweepGraceMs);
  });
  await part("webhooks", async () => {
    report.outboundWebhooks = await dispatchWebhooks(deps, deps.sweepGraceMs);
  });
  await part("analytics", async () => {
    report.foldedRollupRows = await foldRecentRollupShards(deps.db, deps.now());
  });
  if (report.expiredOrders + report.emails + report.webhooks + report.refunds + report.releasedFunds > 0)
    deps.log.info(report, "sweep re-drove lost work");
  return report;
}
