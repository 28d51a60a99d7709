ALTER TABLE "analytics_platform_daily" ADD COLUMN "stripe_gross" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "analytics_platform_daily" ADD COLUMN "stripe_checkouts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "analytics_sub_order_facts" ADD COLUMN "stripe" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Backfill: the facts know their order, and the platform's rollup is the sum of its facts, so
-- the Stripe part of existing days is exact without a rebuild.
UPDATE "analytics_sub_order_facts" f SET "stripe" = 1
  FROM "orders" o WHERE o."id" = f."order_id" AND o."payment_method" = 'stripe';--> statement-breakpoint
UPDATE "analytics_platform_daily" p SET "stripe_gross" = s."gross", "stripe_checkouts" = s."checkouts"
  FROM (
    SELECT "day", "shard", sum("gross") AS "gross", sum("checkouts")::int AS "checkouts"
    FROM "analytics_sub_order_facts" WHERE "stripe" = 1 GROUP BY 1, 2
  ) s
  WHERE p."day" = s."day" AND p."shard" = s."shard";
