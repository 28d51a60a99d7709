CREATE TABLE "analytics_category_daily" (
	"day" date NOT NULL,
	"category_id" uuid NOT NULL,
	"revenue" bigint DEFAULT 0 NOT NULL,
	"units" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "analytics_category_daily_day_category_id_pk" PRIMARY KEY("day","category_id")
);
--> statement-breakpoint
CREATE TABLE "analytics_line_facts" (
	"order_item_id" uuid PRIMARY KEY NOT NULL,
	"sub_order_id" uuid NOT NULL,
	"seller_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"category_id" uuid NOT NULL,
	"day" date NOT NULL,
	"revenue" bigint NOT NULL,
	"units" integer NOT NULL,
	"lines" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "analytics_platform_daily" (
	"day" date NOT NULL,
	"shard" smallint NOT NULL,
	"gross" bigint DEFAULT 0 NOT NULL,
	"cancelled" bigint DEFAULT 0 NOT NULL,
	"refunded" bigint DEFAULT 0 NOT NULL,
	"commission" bigint DEFAULT 0 NOT NULL,
	"orders" integer DEFAULT 0 NOT NULL,
	"checkouts" integer DEFAULT 0 NOT NULL,
	"units" integer DEFAULT 0 NOT NULL,
	"delivered_units" integer DEFAULT 0 NOT NULL,
	"returned_units" integer DEFAULT 0 NOT NULL,
	"cod_gross" bigint DEFAULT 0 NOT NULL,
	"cod_checkouts" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "analytics_platform_daily_day_shard_pk" PRIMARY KEY("day","shard")
);
--> statement-breakpoint
CREATE TABLE "analytics_product_daily" (
	"seller_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"day" date NOT NULL,
	"revenue" bigint DEFAULT 0 NOT NULL,
	"units" integer DEFAULT 0 NOT NULL,
	"lines" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "analytics_product_daily_seller_id_day_product_id_pk" PRIMARY KEY("seller_id","day","product_id")
);
--> statement-breakpoint
CREATE TABLE "analytics_seller_daily" (
	"seller_id" uuid NOT NULL,
	"day" date NOT NULL,
	"gross" bigint DEFAULT 0 NOT NULL,
	"cancelled" bigint DEFAULT 0 NOT NULL,
	"refunded" bigint DEFAULT 0 NOT NULL,
	"commission" bigint DEFAULT 0 NOT NULL,
	"orders" integer DEFAULT 0 NOT NULL,
	"checkouts" integer DEFAULT 0 NOT NULL,
	"units" integer DEFAULT 0 NOT NULL,
	"delivered_units" integer DEFAULT 0 NOT NULL,
	"returned_units" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "analytics_seller_daily_seller_id_day_pk" PRIMARY KEY("seller_id","day")
);
--> statement-breakpoint
CREATE TABLE "analytics_sub_order_facts" (
	"sub_order_id" uuid PRIMARY KEY NOT NULL,
	"order_id" uuid NOT NULL,
	"seller_id" uuid NOT NULL,
	"day" date NOT NULL,
	"shard" smallint NOT NULL,
	"cod" integer NOT NULL,
	"gross" bigint NOT NULL,
	"cancelled" bigint NOT NULL,
	"refunded" bigint NOT NULL,
	"commission" bigint NOT NULL,
	"orders" integer NOT NULL,
	"checkouts" integer NOT NULL,
	"units" integer NOT NULL,
	"delivered_units" integer NOT NULL,
	"returned_units" integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX "analytics_line_facts_sub_order_idx" ON "analytics_line_facts" USING btree ("sub_order_id");--> statement-breakpoint
CREATE INDEX "analytics_seller_daily_day_idx" ON "analytics_seller_daily" USING btree ("day");--> statement-breakpoint
CREATE INDEX "analytics_sub_order_facts_order_idx" ON "analytics_sub_order_facts" USING btree ("order_id");--> statement-breakpoint
-- The admin dashboard counts sign-ups per day: new customers by role and creation time, new shops by creation time.
CREATE INDEX IF NOT EXISTS "users_role_created_idx" ON "users" USING btree ("role","created_at");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "sellers_created_idx" ON "sellers" USING btree ("created_at");
