import { sql } from "drizzle-orm";
import {
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./identity";

export const reportTargetEnum = pgEnum("report_target", [
  "product",
  "review",
  "question",
  "answer",
  "shop",
  "message",
]);
export const reportReasonEnum = pgEnum("report_reason", [
  "spam",
  "offensive",
  "counterfeit",
  "prohibited",
  "misleading",
  "other",
]);
export const reportCaseStatusEnum = pgEnum("report_case_status", ["open", "dismissed", "actioned"]);

/** All reports of one target, grouped into one case an admin decides once. */
export const reportCases = pgTable(
  "report_cases",
  {
    id: uuid().primaryKey().defaultRandom(),
    targetType: reportTargetEnum().notNull(),
    targetId: uuid().notNull(),
    status: reportCaseStatusEnum().notNull().default("open"),
    reportCount: integer().notNull().default(0),
    lastReportedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** What the admin did: dismiss, hide, unlist, suspend_shop. */
    action: text(),
    resolutionNote: text(),
    resolvedById: uuid().references(() => users.id, { onDelete: "set null" }),
    resolvedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Only one open case per target: a new report joins it; after a decision a new case opens.
    uniqueIndex("report_cases_open_target_key").on(t.targetType, t.targetId).where(sql`${t.status} = 'open'`),
    index("report_cases_queue_idx").on(t.status, t.lastReportedAt),
    index("report_cases_target_idx").on(t.targetType, t.targetId),
    check("report_cases_count_nonneg", sql`${t.reportCount} >= 0`),
  ],
);

export const reports = pgTable(
  "reports",
  {
    id: uuid().primaryKey().defaultRandom(),
    caseId: uuid()
      .notNull()
      .references(() => reportCases.id, { onDelete: "cascade" }),
    reporterId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    reason: reportReasonEnum().notNull(),
    note: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("reports_case_reporter_key").on(t.caseId, t.reporterId),
    index("reports_case_idx").on(t.caseId, t.createdAt),
  ],
);
