CREATE TABLE "analytics_pending" (
	"sub_order_id" uuid NOT NULL
);
