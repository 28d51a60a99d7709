ALTER TABLE "products" ADD COLUMN "card_compare_at_price" integer;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "card_image_url" text;--> statement-breakpoint
-- A product card's compare-at price (of the cheapest active variant) and first image, kept
-- on the product row so a listing page reads only products and sellers. Recomputed when a
-- variant's price, compare-at price, position, activity or product changes, or an image is
-- added, moved or removed; never on a stock change, so checkout pays nothing for it. The
-- products are locked in id order, as checkout locks them.
CREATE FUNCTION "products_card_refresh"(ids uuid[]) RETURNS void LANGUAGE sql AS $$
	UPDATE "products" p SET
		"card_compare_at_price" = (SELECT v."compare_at_price" FROM "product_variants" v
			WHERE v."product_id" = p."id" AND v."active" ORDER BY v."price", v."position" LIMIT 1),
		"card_image_url" = (SELECT m."url" FROM "product_images" pi JOIN "media" m ON m."id" = pi."media_id"
			WHERE pi."product_id" = p."id" ORDER BY pi."position", pi."id" LIMIT 1)
	WHERE p."id" IN (SELECT "id" FROM "products" WHERE "id" = ANY(ids) ORDER BY "id" FOR NO KEY UPDATE)
$$;--> statement-breakpoint
-- Inserted or deleted rows, once per statement (a bulk insert refreshes each product once).
CREATE FUNCTION "products_card_of_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	PERFORM "products_card_refresh"(ARRAY(SELECT DISTINCT "product_id" FROM changed));
	RETURN NULL;
END $$;--> statement-breakpoint
CREATE FUNCTION "products_card_of_moved"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	PERFORM "products_card_refresh"(ARRAY(SELECT "product_id" FROM old_rows UNION SELECT "product_id" FROM new_rows));
	RETURN NULL;
END $$;--> statement-breakpoint
CREATE FUNCTION "products_card_of_variant"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	PERFORM "products_card_refresh"(ARRAY[OLD."product_id", NEW."product_id"]);
	RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "product_variants_card_insert" AFTER INSERT ON "product_variants"
	REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "products_card_of_changed"();--> statement-breakpoint
CREATE TRIGGER "product_variants_card_delete" AFTER DELETE ON "product_variants"
	REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "products_card_of_changed"();--> statement-breakpoint
-- Row level: a transition table cannot go with a column list, and without one every stock
-- update would fire it.
CREATE TRIGGER "product_variants_card_update"
	AFTER UPDATE OF "product_id", "price", "compare_at_price", "position", "active" ON "product_variants"
	FOR EACH ROW WHEN ((OLD."product_id", OLD."price", OLD."compare_at_price", OLD."position", OLD."active")
		IS DISTINCT FROM (NEW."product_id", NEW."price", NEW."compare_at_price", NEW."position", NEW."active"))
	EXECUTE FUNCTION "products_card_of_variant"();--> statement-breakpoint
CREATE TRIGGER "product_images_card_insert" AFTER INSERT ON "product_images"
	REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "products_card_of_changed"();--> statement-breakpoint
CREATE TRIGGER "product_images_card_delete" AFTER DELETE ON "product_images"
	REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "products_card_of_changed"();--> statement-breakpoint
CREATE TRIGGER "product_images_card_update" AFTER UPDATE ON "product_images"
	REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "products_card_of_moved"();--> statement-breakpoint
UPDATE "products" p SET
	"card_compare_at_price" = (SELECT v."compare_at_price" FROM "product_variants" v
		WHERE v."product_id" = p."id" AND v."active" ORDER BY v."price", v."position" LIMIT 1),
	"card_image_url" = (SELECT m."url" FROM "product_images" pi JOIN "media" m ON m."id" = pi."media_id"
		WHERE pi."product_id" = p."id" ORDER BY pi."position", pi."id" LIMIT 1);
