-- Server instances cache who a session or API token belongs to; a change that can end or narrow
-- access tells every instance to forget what it cached (LISTEN openkam_auth). Routine writes
-- (last seen, last used, a session's idle extension) notify nobody.
CREATE FUNCTION "openkam_notify_auth_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('openkam_auth', '');
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "sessions_auth_change_delete" AFTER DELETE ON "sessions"
  FOR EACH STATEMENT EXECUTE FUNCTION "openkam_notify_auth_change"();
--> statement-breakpoint
CREATE TRIGGER "sessions_auth_change_update" AFTER UPDATE ON "sessions" FOR EACH ROW
  WHEN (NEW.expires_at < OLD.expires_at
    OR (NEW.token_hash, NEW.org_id, NEW.user_id, NEW.csrf_token) IS DISTINCT FROM (OLD.token_hash, OLD.org_id, OLD.user_id, OLD.csrf_token))
  EXECUTE FUNCTION "openkam_notify_auth_change"();
--> statement-breakpoint
CREATE TRIGGER "api_tokens_auth_change_delete" AFTER DELETE ON "api_tokens"
  FOR EACH STATEMENT EXECUTE FUNCTION "openkam_notify_auth_change"();
--> statement-breakpoint
CREATE TRIGGER "api_tokens_auth_change_update" AFTER UPDATE ON "api_tokens" FOR EACH ROW
  WHEN ((NEW.token_hash, NEW.org_id, NEW.user_id, NEW.role, NEW.expires_at, NEW.revoked_at)
    IS DISTINCT FROM (OLD.token_hash, OLD.org_id, OLD.user_id, OLD.role, OLD.expires_at, OLD.revoked_at))
  EXECUTE FUNCTION "openkam_notify_auth_change"();
--> statement-breakpoint
CREATE TRIGGER "memberships_auth_change" AFTER UPDATE OR DELETE ON "memberships"
  FOR EACH STATEMENT EXECUTE FUNCTION "openkam_notify_auth_change"();
--> statement-breakpoint
CREATE TRIGGER "users_auth_change_delete" AFTER DELETE ON "users"
  FOR EACH STATEMENT EXECUTE FUNCTION "openkam_notify_auth_change"();
--> statement-breakpoint
CREATE TRIGGER "users_auth_change_update" AFTER UPDATE ON "users" FOR EACH ROW
  WHEN (NEW.is_active IS DISTINCT FROM OLD.is_active)
  EXECUTE FUNCTION "openkam_notify_auth_change"();
