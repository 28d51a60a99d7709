CREATE TABLE "analytics_seller_monthly" (
	"seller_id" uuid NOT NULL,
	"month" date NOT NULL,
	"gross" bigint DEFAULT 0 NOT NULL,
	"cancelled" bigint DEFAULT 0 NOT NULL,
	"refunded" bigint DEFAULT 0 NOT NULL,
	"commission" bigint DEFAULT 0 NOT NULL,
	"orders" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "analytics_seller_monthly_seller_id_month_pk" PRIMARY KEY("seller_id","month")
);
--> statement-breakpoint
CREATE INDEX "analytics_seller_monthly_month_idx" ON "analytics_seller_monthly" USING btree ("month");--> statement-breakpoint
-- Backfill from the daily rollup (kept from now on by analytics/refresh-sales.ts).
INSERT INTO "analytics_seller_monthly" ("seller_id", "month", "gross", "cancelled", "refunded", "commission", "orders")
SELECT "seller_id", date_trunc('month', "day")::date, sum("gross"), sum("cancelled"), sum("refunded"), sum("commission"), sum("orders")
FROM "analytics_seller_daily" GROUP BY 1, 2;
