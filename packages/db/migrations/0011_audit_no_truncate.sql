-- Row triggers do not see TRUNCATE: without these, one statement could still empty the
-- audit log or the ledger. The same function refuses it (TG_OP is 'TRUNCATE').
CREATE TRIGGER "audit_log_no_truncate" BEFORE TRUNCATE ON "audit_log" FOR EACH STATEMENT EXECUTE FUNCTION bazaar_append_only();--> statement-breakpoint
CREATE TRIGGER "ledger_entries_no_truncate" BEFORE TRUNCATE ON "ledger_entries" FOR EACH STATEMENT EXECUTE FUNCTION bazaar_append_only();
