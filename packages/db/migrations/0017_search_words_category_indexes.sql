CREATE TABLE "search_words" (
	"word" text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE INDEX "search_words_trgm_idx" ON "search_words" USING gin ("word" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "products_public_category_created_idx" ON "products" USING btree ("category_id","created_at","id") WHERE "products"."status" = 'approved';--> statement-breakpoint
CREATE INDEX "products_public_category_popular_idx" ON "products" USING btree ("category_id","featured","sold_count","id") WHERE "products"."status" = 'approved';--> statement-breakpoint
CREATE INDEX "products_public_category_rating_idx" ON "products" USING btree ("category_id","rating_avg","rating_count","id") WHERE "products"."status" = 'approved';--> statement-breakpoint
CREATE FUNCTION "search_words_collect"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO "search_words" ("word")
	SELECT DISTINCT lower(w) FROM regexp_split_to_table(coalesce(NEW."title", '') || ' ' || coalesce(NEW."brand", ''), '[^[:alnum:]]+') AS w
	WHERE length(w) >= 3
	ON CONFLICT DO NOTHING;
	RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "products_search_words" AFTER INSERT OR UPDATE OF "title", "brand" ON "products"
	FOR EACH ROW EXECUTE FUNCTION "search_words_collect"();--> statement-breakpoint
INSERT INTO "search_words" ("word")
SELECT DISTINCT lower(w) FROM "products", regexp_split_to_table(coalesce("title", '') || ' ' || coalesce("brand", ''), '[^[:alnum:]]+') AS w
WHERE length(w) >= 3
ON CONFLICT DO NOTHING;
