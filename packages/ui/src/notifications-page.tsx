import { useFormError, useNotificationInbox, useNotificationPreferences } from "@bazaar/client";
import type { NotificationCategory, NotificationDto } from "@bazaar/schemas";
import { useState } from "react";
import { Link, useSearchParams } from "react-router";
import { Alert, Button, ErrorAlert } from "./form";
import { Card, FilterTabs, Loading, LoadMore, Page } from "./layout";
import { NotificationList, NotificationPreferencesTable } from "./notifications";

const TABS = [
  { value: "", label: "All" },
  { value: "unread", label: "Unread" },
] as const;

/**
 * `/notifications` in every app: what happened while you were away, newest first, each
 * opening the page it is about. Opening one marks it read; so does "Mark read", and "Mark
 * all read" clears the bell.
 */
export function NotificationsPage({ preferencesPath }: { preferencesPath: string }) {
  const [params] = useSearchParams();
  const unreadOnly = params.get("show") === "unread";
  const { list, markRead, markAllRead } = useNotificationInbox(unreadOnly);
  const [now] = useState(() => new Date());
  const [marking, setMarking] = useState<ReadonlySet<string>>(new Set());
  const error = useFormError(list.error ?? markRead.error ?? markAllRead.error);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const read = (n: NotificationDto) => {
    if (n.readAt !== null) return;
    setMarking((s) => new Set(s).add(n.id));
    markRead.mutate(
      { ids: [n.id] },
      {
        onSettled: () =>
          setMarking((s) => {
            const next = new Set(s);
            next.delete(n.id);
            return next;
          }),
      },
    );
  };

  return (
    <Page
      title="Notifications"
      description="Orders, messages, returns and more, as they happen."
      actions={
        <>
          <Button
            variant="secondary"
            onClick={() => markAllRead.mutate()}
            pending={markAllRead.isPending}
            pendingLabel="Marking…"
            disabled={items.every((n) => n.readAt !== null)}
            data-testid="mark-all-read"
          >
            Mark all read
          </Button>
          <Link to={preferencesPath} className="bz-button bz-button--secondary">
            Preferences
          </Link>
        </>
      }
    >
      <FilterTabs
        label="Show"
        tabs={TABS}
        current={unreadOnly ? "unread" : ""}
        href={(v) => (v ? "/notifications?show=unread" : "/notifications")}
      />
      {list.isPending ? (
        <Loading label="Loading notifications…" />
      ) : list.error && items.length === 0 ? (
        <ErrorAlert error={error} />
      ) : items.length === 0 ? (
        <Card>
          <p className="bz-empty" data-testid="notifications-empty">
            {unreadOnly
              ? "You have read everything."
              : "Nothing yet. Updates about your account will appear here."}
          </p>
        </Card>
      ) : (
        <>
          {error && <ErrorAlert error={error} />}
          <NotificationList items={items} now={now} onOpen={read} onMarkRead={read} marking={marking} />
          <LoadMore query={list} />
        </>
      )}
    </Page>
  );
}

/**
 * The preferences page in every app: for each category this app's users hear about, email
 * and in-app on or off, saved as each switch flips. Security emails are shown as always on.
 */
export function NotificationPreferencesPage({ categories }: { categories: readonly NotificationCategory[] }) {
  const { preferences, save } = useNotificationPreferences();
  const [saving, setSaving] = useState<ReadonlySet<string>>(new Set());
  const [saved, setSaved] = useState<string | null>(null);
  const loadError = useFormError(preferences.error);
  const saveError = useFormError(save.error);

  const change = (category: NotificationCategory, to: { email?: boolean; inApp?: boolean }) => {
    setSaved(null);
    setSaving((s) => new Set(s).add(category));
    save.mutate(
      { items: [{ category, ...to }] },
      {
        onSuccess: () => setSaved("Saved."),
        onSettled: () =>
          setSaving((s) => {
            const next = new Set(s);
            next.delete(category);
            return next;
          }),
      },
    );
  };

  return (
    <Page
      title="Notification preferences"
      description="Choose what Bazaar emails you about and what shows under the bell. Each switch saves at once."
      actions={
        <Link to="/notifications" className="bz-button bz-button--secondary">
          Notifications
        </Link>
      }
    >
      {preferences.isPending ? (
        <Loading />
      ) : preferences.error ? (
        <ErrorAlert error={loadError} />
      ) : (
        <Card>
          <ErrorAlert error={saveError} />
          {saved && !save.error && (
            <Alert tone="success" testId="preferences-saved">
              {saved}
            </Alert>
          )}
          <NotificationPreferencesTable
            items={preferences.data.items}
            categories={categories}
            saving={saving}
            onChange={change}
          />
          <p className="bz-muted bz-small bz-mt">
            Every email other than security ones also has a one-click unsubscribe link at the bottom.
          </p>
        </Card>
      )}
    </Page>
  );
}
