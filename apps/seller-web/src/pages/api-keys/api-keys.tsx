import { useFormError, useTRPC } from "@bazaar/client";
import { formatDateTime } from "@bazaar/client/format";
import { API_KEY_AREAS, type ApiKeyArea, type ApiKeyDto, type ApiKeyScope } from "@bazaar/schemas";
import { Alert, Button, Card, ErrorAlert, Form, Loading, Page, TextField } from "@bazaar/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";

/** Each area a key may be given, in the shop's words. */
const AREA_LABELS: Record<ApiKeyArea, string> = {
  catalog: "Products",
  stock: "Stock",
  orders: "Orders",
  returns: "Returns",
  payouts: "Payouts",
};

/**
 * API keys: let the shop's own systems (an ERP, a warehouse) call the REST API as the shop,
 * each key with read or write access per area, shown once, revocable.
 */
export function ApiKeysPage() {
  const trpc = useTRPC();
  // Read on every visit: "last used" moves while the page is away.
  const keys = useQuery(trpc.seller.apiKeys.list.queryOptions(undefined, { staleTime: 0 }));
  const error = useFormError(keys.error);
  const [adding, setAdding] = useState(false);
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);

  return (
    <Page
      title="API keys"
      description="Connect your own systems to Bazaar's REST API. A key acts for your shop, only in the areas you allow."
      actions={
        !adding && (
          <Button onClick={() => setAdding(true)} data-testid="new-api-key">
            Create key
          </Button>
        )
      }
    >
      <p>
        Read the API reference at <a href="/docs/">/docs</a>; send the key as <code>x-api-key</code> or{" "}
        <code>Authorization: Bearer</code>.
      </p>
      {created && <SecretOnce {...created} onDone={() => setCreated(null)} />}
      {adding && (
        <Card title="New API key">
          <KeyForm
            onCancel={() => setAdding(false)}
            onCreated={(k) => {
              setAdding(false);
              setCreated(k);
            }}
          />
        </Card>
      )}
      {keys.isPending ? (
        <Loading />
      ) : keys.error ? (
        <ErrorAlert error={error} />
      ) : keys.data.length === 0 ? (
        <Card>
          <p className="bz-empty">No API keys yet. Create one for each system you connect.</p>
        </Card>
      ) : (
        <Card>
          <table className="bz-table" aria-label="API keys">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Key</th>
                <th scope="col">Access</th>
                <th scope="col">Created</th>
                <th scope="col">Last used</th>
                <th scope="col">
                  <span className="bz-visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {keys.data.map((k) => (
                <KeyRow key={k.id} apiKey={k} />
              ))}
            </tbody>
          </table>
        </Card>
      )}
    </Page>
  );
}

function SecretOnce({ name, secret, onDone }: { name: string; secret: string; onDone: () => void }) {
  const [copied, setCopied] = useState(false);
  return (
    <Alert tone="warning" title="Copy the key now" testId="api-key-secret">
      <p>
        The key "{name}" is shown only this once. We keep only a fingerprint of it, so it cannot be shown
        again.
      </p>
      <p>
        <code className="bz-mono" data-testid="api-key-secret-value">
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

/** Read and write per area; write includes read, so ticking write ticks read too. */
function ScopeChecklist(props: {
  value: ApiKeyScope[];
  onChange: (v: ApiKeyScope[]) => void;
  error?: string;
}) {
  const has = (s: ApiKeyScope) => props.value.includes(s);
  const set = (s: ApiKeyScope, on: boolean) => {
    let next = on ? [...props.value, s] : props.value.filter((x) => x !== s);
    const [area, access] = s.split(":") as [ApiKeyArea, "read" | "write"];
    if (on && access === "write" && !next.includes(`${area}:read`)) next = [...next, `${area}:read`];
    if (!on && access === "read") next = next.filter((x) => x !== `${area}:write`);
    props.onChange(next);
  };
  return (
    <fieldset className="bz-subform" aria-describedby={props.error ? "scopes-error" : undefined}>
      <legend>Access</legend>
      <table className="bz-table">
        <thead>
          <tr>
            <th scope="col">Area</th>
            <th scope="col">Read</th>
            <th scope="col">Write</th>
          </tr>
        </thead>
        <tbody>
          {API_KEY_AREAS.map((area) => (
            <tr key={area}>
              <th scope="row">{AREA_LABELS[area]}</th>
              {(["read", "write"] as const).map((access) => {
                const scope = `${area}:${access}` as ApiKeyScope;
                return (
                  <td key={access}>
                    <input
                      type="checkbox"
                      aria-label={`${AREA_LABELS[area]}: ${access}`}
                      checked={has(scope)}
                      onChange={(e) => set(scope, e.target.checked)}
                    />
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {props.error && (
        <p id="scopes-error" className="bz-field__error" role="alert">
          {props.error}
        </p>
      )}
    </fieldset>
  );
}

function KeyForm(props: { onCancel: () => void; onCreated: (k: { name: string; secret: string }) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [scopes, setScopes] = useState<ApiKeyScope[]>(["catalog:read"]);
  const create = useMutation(
    trpc.seller.apiKeys.create.mutationOptions({
      onSuccess: async (k) => {
        await queryClient.invalidateQueries(trpc.seller.apiKeys.list.pathFilter());
        props.onCreated({ name: k.name, secret: k.secret });
      },
    }),
  );
  const error = useFormError(create.error);
  return (
    <Form
      onSubmit={() => create.mutate({ name, scopes })}
      pending={create.isPending}
      aria-label="New API key"
    >
      <ErrorAlert error={error} fields={["name", "scopes"]} />
      <TextField
        id="api-key-name"
        label="Name"
        placeholder="Warehouse system"
        value={name}
        onValue={setName}
        error={error?.fieldErrors.name}
        hint="Which system will use it, so you know which key to revoke."
      />
      <ScopeChecklist value={scopes} onChange={setScopes} error={error?.fieldErrors.scopes?.[0]} />
      <div className="bz-form-actions">
        <Button type="submit" pending={create.isPending} pendingLabel="Creating…">
          Create key
        </Button>{" "}
        <Button variant="secondary" onClick={props.onCancel}>
          Cancel
        </Button>
      </div>
    </Form>
  );
}

function KeyRow({ apiKey }: { apiKey: ApiKeyDto }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const revoke = useMutation(
    trpc.seller.apiKeys.revoke.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(trpc.seller.apiKeys.list.pathFilter()),
    }),
  );
  const error = useFormError(revoke.error);
  return (
    <tr data-testid="api-key-row">
      <td>{apiKey.name}</td>
      <td>
        <code className="bz-mono">bz_live_{apiKey.prefix}_…</code>
      </td>
      <td>{apiKey.scopes.join(", ")}</td>
      <td>{formatDateTime(apiKey.createdAt)}</td>
      <td>{apiKey.lastUsedAt ? formatDateTime(apiKey.lastUsedAt) : "Never"}</td>
      <td>
        {apiKey.revokedAt ? (
          <span>Revoked {formatDateTime(apiKey.revokedAt)}</span>
        ) : (
          <Button
            variant="secondary"
            className="bz-button--small"
            disabled={revoke.isPending}
            onClick={() => {
              if (window.confirm(`Revoke the key "${apiKey.name}"? Systems using it stop working at once.`))
                revoke.mutate({ id: apiKey.id });
            }}
          >
            Revoke
          </Button>
        )}
        {error && <ErrorAlert error={error} />}
      </td>
    </tr>
  );
}
