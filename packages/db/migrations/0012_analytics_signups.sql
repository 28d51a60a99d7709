CREATE TABLE "analytics_signups_daily" (
	"day" date PRIMARY KEY NOT NULL,
	"customers" integer DEFAULT 0 NOT NULL,
	"sellers" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
-- The admin dashboard's sign-ups per India date (UTC+5:30): counted as rows are inserted, so a
-- two-year range reads 731 rows instead of counting every account. Accounts are never deleted.
CREATE FUNCTION "analytics_count_signup"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  d date := ((NEW.created_at AT TIME ZONE 'UTC') + interval '330 minutes')::date;
BEGIN
  IF TG_TABLE_NAME = 'users' THEN
    IF NEW.role <> 'admin' THEN
      INSERT INTO analytics_signups_daily (day, customers) VALUES (d, 1)
      ON CONFLICT (day) DO UPDATE SET customers = analytics_signups_daily.customers + 1;
    END IF;
  ELSE
    INSERT INTO analytics_signups_daily (day, sellers) VALUES (d, 1)
    ON CONFLICT (day) DO UPDATE SET sellers = analytics_signups_daily.sellers + 1;
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "analytics_signup_users" AFTER INSERT ON "users" FOR EACH ROW EXECUTE FUNCTION analytics_count_signup();--> statement-breakpoint
CREATE TRIGGER "analytics_signup_sellers" AFTER INSERT ON "sellers" FOR EACH ROW EXECUTE FUNCTION analytics_count_signup();--> statement-breakpoint
INSERT INTO analytics_signups_daily (day, customers, sellers)
SELECT day, sum(c)::int, sum(s)::int FROM (
  SELECT ((created_at AT TIME ZONE 'UTC') + interval '330 minutes')::date AS day, 1 AS c, 0 AS s FROM users WHERE role <> 'admin'
  UNION ALL
  SELECT ((created_at AT TIME ZONE 'UTC') + interval '330 minutes')::date, 0, 1 FROM sellers
) x GROUP BY day;
