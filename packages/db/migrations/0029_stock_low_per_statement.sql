-- stock.low (0018) fired once per variant row whose stock fell: an order of three lines ran the
-- function and its insert three times (~0.2 ms of PostgreSQL per order). Now once per
-- statement over the rows it changed. A transition table cannot go with a column list, so the
-- trigger sees every update of variants; rows whose stock did not fall are left out in the join.
DROP TRIGGER "product_variants_webhooks_stock_low" ON "product_variants";--> statement-breakpoint
DROP FUNCTION "webhooks_stock_low"();--> statement-breakpoint
CREATE FUNCTION "webhooks_stock_low"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	-- stock.low: a variant's stock fell from at or above an endpoint's threshold to below it,
	-- whatever changed it (an order, an adjustment, a cancellation). Written in the same
	-- transaction as the stock change, one row per variant and endpoint that listens (the
	-- shop's own and the platform's), like every other outbound webhook event.
	INSERT INTO "webhook_outbox" ("webhook_id", "endpoint_id", "type", "payload", "give_up_at")
	SELECT 'msg_' || replace(gen_random_uuid()::text, '-', ''), e."id", 'stock.low',
		jsonb_build_object(
			'type', 'stock.low',
			'timestamp', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
			'data', jsonb_build_object(
				'sellerId', n."seller_id", 'productId', n."product_id", 'variantId', n."id",
				'sku', n."sku", 'stock', n."stock", 'previousStock', o."stock",
				'threshold', e."low_stock_threshold")),
		now() + interval '24 hours'
	FROM "new_rows" n
	JOIN "old_rows" o ON o."id" = n."id" AND n."stock" < o."stock"
	JOIN "webhook_endpoints" e ON e."enabled" AND 'stock.low' = ANY (e."events")
		AND (e."seller_id" = n."seller_id" OR e."seller_id" IS NULL)
		AND o."stock" >= e."low_stock_threshold" AND n."stock" < e."low_stock_threshold";
	RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "product_variants_webhooks_stock_low" AFTER UPDATE ON "product_variants"
	REFERENCING OLD TABLE AS "old_rows" NEW TABLE AS "new_rows"
	FOR EACH STATEMENT EXECUTE FUNCTION "webhooks_stock_low"();
