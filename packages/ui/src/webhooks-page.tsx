import { useFormError, useTRPC } from "@bazaar/client";
import { formatDateTime } from "@bazaar/client/format";
import {
  WEBHOOK_EVENT_TYPES,
  type WebhookDeliveryDto,
  type WebhookEndpointDto,
  type WebhookEventType,
} from "@bazaar/schemas";
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { createContext, useContext, useState } from "react";
import { Alert, Button, ErrorAlert, Form, TextField } from "./form";
import { Card, Loading, LoadMore, Page } from "./layout";

/** What each event means. */
const EVENT_LABELS: Record<WebhookEventType, string> = {
  "order.placed": "Order placed",
  "order.paid": "Order paid",
  "order.cancelled": "Order cancelled",
  "sub_order.status_changed": "Order status changed (packed, shipped, delivered…)",
  "return.requested": "Return requested",
  "return.approved": "Return approved",
  "return.rejected": "Return rejected",
  "return.received": "Return received",
  "return.refunded": "Return refunded",
  "product.approved": "Product approved",
  "product.rejected": "Product rejected",
  "payout.paid": "Payout paid",
  "stock.low": "Stock running low",
};

export type WebhooksOwner = "seller" | "admin";

const OwnerContext = createContext<WebhooksOwner>("seller");

/**
 * The webhooks procedures of the page's owner: a shop's (`seller.webhooks`) or the platform's
 * (`admin.webhooks`). Both groups take and return the same shapes, so one page serves both apps.
 */
function useWebhooksApi() {
  const trpc = useTRPC();
  const owner = useContext(OwnerContext);
  return owner === "admin"
    ? (trpc.admin.webhooks as unknown as typeof trpc.seller.webhooks)
    : trpc.seller.webhooks;
}

/**
 * Webhooks: endpoints of the owner's own systems that hear its events, signed with a secret
 * shown once (Standard Webhooks), with each endpoint's delivery log and redelivery. The seller
 * app shows the shop's endpoints; the admin app the platform's, which hear every shop's events.
 */
export function WebhooksPage({ owner, description }: { owner: WebhooksOwner; description: string }) {
  return (
    <OwnerContext.Provider value={owner}>
      <Endpoints description={description} />
    </OwnerContext.Provider>
  );
}

function Endpoints({ description }: { description: string }) {
  const api = useWebhooksApi();
  const endpoints = useQuery(api.list.queryOptions());
  const error = useFormError(endpoints.error);
  const [adding, setAdding] = useState(false);
  const [secret, setSecret] = useState<{ url: string; secret: string } | null>(null);

  return (
    <Page
      title="Webhooks"
      description={description}
      actions={
        !adding && (
          <Button onClick={() => setAdding(true)} data-testid="new-webhook">
            Add endpoint
          </Button>
        )
      }
    >
      {secret && <SecretOnce {...secret} onDone={() => setSecret(null)} />}
      {adding && (
        <Card title="New endpoint">
          <EndpointForm
            onCancel={() => setAdding(false)}
            onCreated={(s) => {
              setAdding(false);
              setSecret(s);
            }}
          />
        </Card>
      )}
      {endpoints.isPending ? (
        <Loading />
      ) : endpoints.error ? (
        <ErrorAlert error={error} />
      ) : endpoints.data.length === 0 ? (
        <Card>
          <p className="bz-empty">No endpoints yet. Add one to start receiving events.</p>
        </Card>
      ) : (
        endpoints.data.map((e) => <EndpointCard key={e.id} endpoint={e} onSecret={setSecret} />)
      )}
    </Page>
  );
}

function SecretOnce({ url, secret, onDone }: { url: string; secret: string; onDone: () => void }) {
  const [copied, setCopied] = useState(false);
  return (
    <Alert tone="warning" title="Copy the signing secret now" testId="webhook-secret">
      <p>
        The secret for {url} is shown only this once. Verify each request's <code>webhook-signature</code>{" "}
        with it.
      </p>
      <p>
        <code className="bz-mono" data-testid="webhook-secret-value">
          {secret}
        </code>
      </p>
      <Button
        variant="secondary"
        className="bz-button--small"
        onClick={() =>
          void navigator.clipboard?.writeText(secret).then(
            () => setCopied(true),
            () => setCopied(false),
          )
        }
      >
        {copied ? "Copied" : "Copy"}
      </Button>{" "}
      <Button variant="secondary" className="bz-button--small" onClick={onDone}>
        I saved it
      </Button>
    </Alert>
  );
}

function EventChecklist(props: {
  value: WebhookEventType[];
  onChange: (v: WebhookEventType[]) => void;
  error?: string;
}) {
  return (
    <fieldset className="bz-subform" aria-describedby={props.error ? "events-error" : undefined}>
      <legend>Events</legend>
      {WEBHOOK_EVENT_TYPES.map((type) => (
        <label key={type} className="bz-checkbox">
          <input
            type="checkbox"
            checked={props.value.includes(type)}
            onChange={(e) =>
              props.onChange(
                e.target.checked ? [...props.value, type] : props.value.filter((t) => t !== type),
              )
            }
          />{" "}
          {EVENT_LABELS[type]} <code className="bz-mono">{type}</code>
        </label>
      ))}
      {props.error && (
        <p id="events-error" className="bz-field__error" role="alert">
          {props.error}
        </p>
      )}
    </fieldset>
  );
}

function EndpointForm(props: {
  endpoint?: WebhookEndpointDto;
  onCancel: () => void;
  onCreated?: (s: { url: string; secret: string }) => void;
  onSaved?: () => void;
}) {
  const api = useWebhooksApi();
  const queryClient = useQueryClient();
  const [url, setUrl] = useState(props.endpoint?.url ?? "");
  const [description, setDescription] = useState(props.endpoint?.description ?? "");
  const [events, setEvents] = useState<WebhookEventType[]>(props.endpoint?.events ?? ["order.placed"]);
  const [threshold, setThreshold] = useState(String(props.endpoint?.lowStockThreshold ?? 5));
  const refresh = () => queryClient.invalidateQueries(api.list.pathFilter());
  const create = useMutation(
    api.create.mutationOptions({
      onSuccess: async (r) => {
        await refresh();
        props.onCreated?.({ url: r.endpoint.url, secret: r.secret });
      },
    }),
  );
  const update = useMutation(
    api.update.mutationOptions({
      onSuccess: async () => {
        await refresh();
        props.onSaved?.();
      },
    }),
  );
  const pending = create.isPending || update.isPending;
  const error = useFormError(create.error ?? update.error);
  const fields = ["url", "events", "description", "lowStockThreshold"] as const;
  const submit = () => {
    const input = {
      url,
      events,
      description,
      lowStockThreshold: Number.parseInt(threshold, 10) || 0,
    };
    if (props.endpoint) update.mutate({ id: props.endpoint.id, ...input });
    else create.mutate(input);
  };
  return (
    <Form onSubmit={submit} pending={pending} aria-label={props.endpoint ? "Edit endpoint" : "New endpoint"}>
      <ErrorAlert error={error} fields={fields} />
      <TextField
        id="webhook-url"
        label="Endpoint URL"
        type="url"
        placeholder="https://example.com/bazaar/webhooks"
        value={url}
        onValue={setUrl}
        error={error?.fieldErrors.url}
        hint="HTTPS only. We POST JSON and expect a 2xx answer within 10 seconds."
      />
      <TextField
        id="webhook-description"
        label="Description (optional)"
        value={description}
        onValue={setDescription}
        error={error?.fieldErrors.description}
      />
      <EventChecklist value={events} onChange={setEvents} error={error?.fieldErrors.events} />
      {events.includes("stock.low") && (
        <TextField
          id="webhook-threshold"
          label="Low-stock threshold"
          inputMode="numeric"
          value={threshold}
          onValue={setThreshold}
          error={error?.fieldErrors.lowStockThreshold}
          hint="stock.low is sent when a variant's stock falls below this."
        />
      )}
      <div className="bz-form-actions">
        <Button type="submit" pending={pending} pendingLabel="Saving…">
          {props.endpoint ? "Save" : "Add endpoint"}
        </Button>
        <Button variant="secondary" onClick={props.onCancel}>
          Cancel
        </Button>
      </div>
    </Form>
  );
}

function EndpointCard({
  endpoint,
  onSecret,
}: {
  endpoint: WebhookEndpointDto;
  onSecret: (s: { url: string; secret: string }) => void;
}) {
  const api = useWebhooksApi();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [showLog, setShowLog] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries(api.list.pathFilter()),
      queryClient.invalidateQueries(api.deliveries.pathFilter()),
    ]);
  const toggle = useMutation(api.update.mutationOptions({ onSuccess: refresh }));
  const rotate = useMutation(
    api.rotateSecret.mutationOptions({
      onSuccess: async (r) => {
        await refresh();
        onSecret({ url: r.endpoint.url, secret: r.secret });
      },
    }),
  );
  const remove = useMutation(api.remove.mutationOptions({ onSuccess: refresh }));
  const test = useMutation(
    api.sendTest.mutationOptions({
      onSuccess: async (r) => {
        await refresh();
        const a = r.delivery.lastAttempt;
        setNotice(
          r.delivery.status === "delivered"
            ? `Test event delivered (HTTP ${a?.responseStatus}, ${a?.durationMs} ms).`
            : `Test event failed: ${a?.error ?? "no answer"}. It will be retried.`,
        );
      },
    }),
  );
  const error = useFormError(toggle.error ?? rotate.error ?? remove.error ?? test.error);
  const state = endpoint.enabled
    ? endpoint.failingSince
      ? { tone: "bz-tag--danger", text: `Failing since ${formatDateTime(endpoint.failingSince)}` }
      : { tone: "bz-tag--accent", text: "Active" }
    : {
        tone: "bz-tag--danger",
        text: endpoint.disabledReason === "failing" ? "Disabled after 3 days of failures" : "Disabled",
      };

  return (
    <Card testId="webhook-endpoint">
      <h2 className="bz-card__title">
        <code className="bz-mono">{endpoint.url}</code>{" "}
        <span className={`bz-tag ${state.tone}`}>{state.text}</span>
      </h2>
      {endpoint.description && <p>{endpoint.description}</p>}
      <p>
        Events: {endpoint.events.map((e) => EVENT_LABELS[e]).join(", ")}
        {endpoint.previousSecretExpiresAt &&
          `. The previous secret also signs until ${formatDateTime(endpoint.previousSecretExpiresAt)}.`}
      </p>
      <ErrorAlert error={error} />
      {notice && (
        <Alert tone="info" testId="webhook-notice">
          {notice}
        </Alert>
      )}
      {editing ? (
        <EndpointForm
          endpoint={endpoint}
          onCancel={() => setEditing(false)}
          onSaved={() => setEditing(false)}
        />
      ) : (
        <div className="bz-toolbar">
          <Button variant="secondary" className="bz-button--small" onClick={() => setEditing(true)}>
            Edit
          </Button>
          <Button
            variant="secondary"
            className="bz-button--small"
            pending={toggle.isPending}
            onClick={() => toggle.mutate({ id: endpoint.id, enabled: !endpoint.enabled })}
          >
            {endpoint.enabled ? "Disable" : "Enable"}
          </Button>
          <Button
            variant="secondary"
            className="bz-button--small"
            pending={test.isPending}
            pendingLabel="Sending…"
            disabled={!endpoint.enabled}
            onClick={() => test.mutate({ id: endpoint.id })}
          >
            Send test event
          </Button>
          <Button
            variant="secondary"
            className="bz-button--small"
            pending={rotate.isPending}
            onClick={() => {
              if (window.confirm("Make a new secret? The current one keeps signing for 24 hours."))
                rotate.mutate({ id: endpoint.id });
            }}
          >
            Rotate secret
          </Button>
          <Button variant="secondary" className="bz-button--small" onClick={() => setShowLog((s) => !s)}>
            {showLog ? "Hide deliveries" : "Deliveries"}
          </Button>
          <Button
            variant="danger"
            className="bz-button--small"
            pending={remove.isPending}
            onClick={() => {
              if (window.confirm(`Delete the endpoint ${endpoint.url} and its delivery log?`))
                remove.mutate({ id: endpoint.id });
            }}
          >
            Delete
          </Button>
        </div>
      )}
      {showLog && <DeliveryLog endpointId={endpoint.id} enabled={endpoint.enabled} />}
    </Card>
  );
}

const STATUS_TEXT: Record<WebhookDeliveryDto["status"], string> = {
  pending: "Retrying",
  delivered: "Delivered",
  failed: "Failed",
};

function DeliveryLog({ endpointId, enabled }: { endpointId: string; enabled: boolean }) {
  const api = useWebhooksApi();
  const queryClient = useQueryClient();
  const log = useInfiniteQuery(
    api.deliveries.infiniteQueryOptions(
      { endpointId, limit: 20 },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
  const redeliver = useMutation(
    api.redeliver.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(api.deliveries.pathFilter()),
    }),
  );
  const error = useFormError(log.error ?? redeliver.error);
  const rows = log.data?.pages.flatMap((p) => p.items) ?? [];
  if (log.isPending) return <Loading label="Loading deliveries…" />;
  if (log.error) return <ErrorAlert error={error} />;
  if (rows.length === 0) return <p className="bz-empty">No events sent to this endpoint yet.</p>;
  return (
    <>
      <ErrorAlert error={error} />
      <div className="bz-table-wrap">
        <table className="bz-table" aria-label="Deliveries">
          <thead>
            <tr>
              <th scope="col">Event</th>
              <th scope="col">When</th>
              <th scope="col">Status</th>
              <th scope="col">Response</th>
              <th scope="col">Duration</th>
              <th scope="col">Attempts</th>
              <th scope="col">
                <span className="bz-visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((d) => (
              <tr key={d.eventId} data-testid="webhook-delivery">
                <td>
                  <code className="bz-mono">{d.type}</code>
                  <br />
                  <small className="bz-mono">{d.webhookId}</small>
                </td>
                <td>{formatDateTime(d.createdAt)}</td>
                <td>
                  {STATUS_TEXT[d.status]}
                  {d.nextAttemptAt && d.status === "pending" && (
                    <>
                      <br />
                      <small>next try {formatDateTime(d.nextAttemptAt)}</small>
                    </>
                  )}
                </td>
                <td>
                  {d.lastAttempt
                    ? d.lastAttempt.responseStatus !== null
                      ? `HTTP ${d.lastAttempt.responseStatus}`
                      : (d.lastAttempt.error ?? "—")
                    : "—"}
                </td>
                <td>{d.lastAttempt ? `${d.lastAttempt.durationMs} ms` : "—"}</td>
                <td>{d.attempts}</td>
                <td>
                  <Button
                    variant="secondary"
                    className="bz-button--small"
                    disabled={!enabled || d.status === "pending"}
                    pending={redeliver.isPending && redeliver.variables?.eventId === d.eventId}
                    onClick={() => redeliver.mutate({ eventId: d.eventId })}
                  >
                    Redeliver
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <LoadMore query={log} />
    </>
  );
}
