ALTER TABLE "analytics_platform_daily" ADD COLUMN "stripe_gross" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "analytics_platform_daily" ADD COLUMN "stripe_checkouts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "analytics_sub_order_facts" ADD COLUMN "stripe" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Backfill: the facts know their order, and the platform's rollup is the sum of its facts, so
-- Compared as text: on a new database 0023 added 'stripe' in this same migration transaction, and
-- PostgreSQL refuses an enum value as a constant before the transaction that added it commits.
-- the Stripe part of existing days is exact without a rebuild.
UPDATE "analytics_sub_order_facts" f SET "stripe" = 1
  FROM "orders" o WHERE o."id" = f."order_id" AND o."payment_method"::text = 'stripe';--> statement-breakpoint
UPDATE "analytics_platform_daily" p SET "stripe_gross" = s."gross", "stripe_checkouts" = s."checkouts"
  FROM (
    SELECT "day", "shard", sum("gross") AS "gross", sum("checkouts")::int AS "checkouts"
    FROM "analytics_sub_order_facts" WHERE "stripe" = 1 GROUP BY 1, 2
  ) s
  WHERE p."day" = s."day" AND p."shard" = s."shard";
