import { useAuth, useFormError, useTRPC } from "@bazaar/client";
import { formatDate } from "@bazaar/client/format";
import type { AccountStatus, Role, UserDto } from "@bazaar/schemas";
import {
  Alert,
  Button,
  Card,
  ErrorAlert,
  Form,
  Loading,
  LoadMore,
  Page,
  SelectField,
  TextField,
} from "@bazaar/ui";
import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";

const ROLES: { value: Role | ""; label: string }[] = [
  { value: "", label: "All roles" },
  { value: "customer", label: "Customers" },
  { value: "seller", label: "Sellers" },
  { value: "admin", label: "Admins" },
];
const STATUSES: { value: AccountStatus | ""; label: string }[] = [
  { value: "", label: "Any status" },
  { value: "active", label: "Active" },
  { value: "suspended", label: "Suspended" },
  { value: "deactivated", label: "Deactivated" },
];
const PAGE_SIZE = 20;

export function UsersPage() {
  const trpc = useTRPC();
  const [role, setRole] = useState<Role | "">("");
  const [status, setStatus] = useState<AccountStatus | "">("");
  const [search, setSearch] = useState("");
  const [q, setQ] = useState("");
  const [notice, setNotice] = useState<string | null>(null);
  const users = useInfiniteQuery(
    trpc.admin.users.list.infiniteQueryOptions(
      { limit: PAGE_SIZE, ...(role && { role }), ...(status && { status }), ...(q && { q }) },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
  const listError = useFormError(users.error);
  const rows = users.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Page
      title="Users"
      description="Everyone with a Bazaar account. Suspending someone signs them out everywhere."
    >
      <Card>
        <Form aria-label="Filter users" className="bz-toolbar-form" onSubmit={() => setQ(search.trim())}>
          <div className="bz-toolbar">
            <TextField
              id="q"
              label="Search"
              type="search"
              placeholder="Name or email"
              value={search}
              onValue={(v) => {
                setSearch(v);
                if (!v) setQ("");
              }}
            />
            <SelectField
              id="role"
              label="Role"
              options={ROLES}
              value={role}
              onValue={(v) => setRole(v as Role | "")}
            />
            <SelectField
              id="status"
              label="Status"
              options={STATUSES}
              value={status}
              onValue={(v) => setStatus(v as AccountStatus | "")}
            />
            <Button type="submit" variant="secondary">
              Search
            </Button>
          </div>
        </Form>
        {notice && (
          <Alert tone="success" testId="users-notice">
            {notice}
          </Alert>
        )}
        {users.isPending ? (
          <Loading />
        ) : users.error ? (
          <ErrorAlert error={listError} />
        ) : rows.length === 0 ? (
          <p className="bz-empty">No users match these filters.</p>
        ) : (
          <div className="bz-table-wrap">
            <table className="bz-table" data-testid="users-table">
              <thead>
                <tr>
                  <th>User</th>
                  <th>Role</th>
                  <th>Status</th>
                  <th>Joined</th>
                  <th>
                    <span className="bz-visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((user) => (
                  <UserRow key={user.id} user={user} onNotice={setNotice} />
                ))}
              </tbody>
            </table>
          </div>
        )}
        <LoadMore query={users} />
      </Card>
    </Page>
  );
}

const statusTone: Record<AccountStatus, string> = {
  active: "bz-tag--accent",
  suspended: "bz-tag--danger",
  deactivated: "",
};

function UserRow({ user, onNotice }: { user: UserDto; onNotice: (message: string) => void }) {
  const trpc = useTRPC();
  const auth = useAuth();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const next: AccountStatus = user.status === "active" ? "suspended" : "active";
  const setStatus = useMutation(
    trpc.admin.users.setStatus.mutationOptions({
      onSuccess: async (updated) => {
        setOpen(false);
        setReason("");
        onNotice(`${updated.name} is now ${updated.status}.`);
        await queryClient.invalidateQueries(trpc.admin.users.list.infiniteQueryFilter());
      },
    }),
  );
  const error = useFormError(setStatus.error);
  const self = auth.user?.id === user.id;
  const action = next === "suspended" ? "Suspend" : "Reactivate";

  return (
    <>
      <tr data-testid="user-row">
        <td>
          <strong>{user.name}</strong>
          {self && (
            <>
              {" "}
              <span className="bz-tag">You</span>
            </>
          )}
          <div className="bz-muted bz-small">{user.email}</div>
          {!user.emailVerified && <span className="bz-tag">Unverified</span>}
        </td>
        <td className="bz-capitalize">{user.role}</td>
        <td>
          <span className={`bz-tag ${statusTone[user.status]}`}>{user.status}</span>
        </td>
        <td className="bz-nowrap">{formatDate(user.createdAt)}</td>
        <td className="bz-align-right">
          {!self && !open && (
            <Button
              variant={next === "suspended" ? "danger" : "secondary"}
              className="bz-button--small"
              onClick={() => setOpen(true)}
            >
              {action}
            </Button>
          )}
        </td>
      </tr>
      {open && (
        <tr className="bz-table__detail">
          <td colSpan={5}>
            <Form
              aria-label={`${action} ${user.name}`}
              pending={setStatus.isPending}
              onSubmit={() => setStatus.mutate({ userId: user.id, status: next, reason })}
            >
              <ErrorAlert error={error} fields={["reason"]} />
              <TextField
                id={`reason-${user.id}`}
                label={`Why ${action.toLowerCase()} ${user.name}?`}
                value={reason}
                onValue={setReason}
                error={error?.fieldErrors.reason}
                hint={
                  next === "suspended"
                    ? "The user is told this reason by email and is signed out everywhere."
                    : "The user is told this reason by email."
                }
                autoFocus
              />
              <div className="bz-form-actions">
                <Button
                  type="submit"
                  variant={next === "suspended" ? "danger" : "primary"}
                  pending={setStatus.isPending}
                  pendingLabel="Saving…"
                >
                  {action} account
                </Button>
                <Button variant="secondary" onClick={() => setOpen(false)}>
                  Cancel
                </Button>
              </div>
            </Form>
          </td>
        </tr>
      )}
    </>
  );
}
