-- A shop's, a product's and a category's rollup rows are sharded like the platform's (0010): a
-- checkout adds to its order's shard (analytics_sub_order_facts.shard), so a shop's concurrent
-- orders no longer queue on one row until each commits. Readers add the shards up, so the rows
-- already there simply become shard 0 and every figure stays what it was.
--
-- The four tables are locked first, in the order a refresh writes them (refresh-sales.ts), so a
-- checkout already holding one cannot deadlock with this migration; checkouts wait for it.
-- Adding a column with a constant default touches no row (PostgreSQL 11+); only the new primary
-- keys are built (one index per table), then the default goes: every writer names its shard.
LOCK TABLE "analytics_seller_daily", "analytics_seller_monthly", "analytics_product_daily", "analytics_category_daily" IN ACCESS EXCLUSIVE MODE;--> statement-breakpoint
ALTER TABLE "analytics_seller_daily" ADD COLUMN "shard" smallint DEFAULT 0 NOT NULL,
  DROP CONSTRAINT "analytics_seller_daily_seller_id_day_pk",
  ADD CONSTRAINT "analytics_seller_daily_seller_id_day_shard_pk" PRIMARY KEY("seller_id","day","shard");--> statement-breakpoint
ALTER TABLE "analytics_seller_daily" ALTER COLUMN "shard" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "analytics_seller_monthly" ADD COLUMN "shard" smallint DEFAULT 0 NOT NULL,
  DROP CONSTRAINT "analytics_seller_monthly_seller_id_month_pk",
  ADD CONSTRAINT "analytics_seller_monthly_seller_id_month_shard_pk" PRIMARY KEY("seller_id","month","shard");--> statement-breakpoint
ALTER TABLE "analytics_seller_monthly" ALTER COLUMN "shard" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "analytics_product_daily" ADD COLUMN "shard" smallint DEFAULT 0 NOT NULL,
  DROP CONSTRAINT "analytics_product_daily_seller_id_day_product_id_pk",
  ADD CONSTRAINT "analytics_product_daily_seller_id_day_product_id_shard_pk" PRIMARY KEY("seller_id","day","product_id","shard");--> statement-breakpoint
ALTER TABLE "analytics_product_daily" ALTER COLUMN "shard" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "analytics_category_daily" ADD COLUMN "shard" smallint DEFAULT 0 NOT NULL,
  DROP CONSTRAINT "analytics_category_daily_day_category_id_pk",
  ADD CONSTRAINT "analytics_category_daily_day_category_id_shard_pk" PRIMARY KEY("day","category_id","shard");--> statement-breakpoint
ALTER TABLE "analytics_category_daily" ALTER COLUMN "shard" DROP DEFAULT;
