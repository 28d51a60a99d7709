CREATE TABLE "product_sold_pending" (
	"product_id" uuid NOT NULL,
	"sold" integer NOT NULL
);--> statement-breakpoint
-- Checkout's per-order products update (stock, prices, updated_at) now changes no indexed
-- column, so it can be HOT, which needs room on the row's own page: new pages keep a tenth free.
ALTER TABLE "products" SET (fillfactor = 90);
