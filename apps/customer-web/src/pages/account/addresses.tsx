import { useFormError, useTRPC } from "@bazaar/client";
import { Alert, Button, Card, ErrorAlert, Loading, Page } from "@bazaar/ui";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { AddressCard } from "./address-card";
import { AddressForm } from "./address-form";

/** The address book: add, edit, delete, and choose the default. */
export function AddressesPage() {
  const trpc = useTRPC();
  const list = useQuery(trpc.addresses.list.queryOptions());
  const listError = useFormError(list.error);
  /** Which form is open: a new address, one address's id, or none. */
  const [editing, setEditing] = useState<"new" | string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const done = (message: string) => {
    setEditing(null);
    setNotice(message);
  };

  return (
    <Page
      title="Addresses"
      description="Where we deliver. The default address is picked first at checkout."
      actions={
        editing !== "new" && (
          <Button
            onClick={() => {
              setEditing("new");
              setNotice(null);
            }}
            data-testid="add-address"
          >
            Add address
          </Button>
        )
      }
    >
      {notice && (
        <Alert tone="success" testId="address-notice">
          {notice}
        </Alert>
      )}
      {editing === "new" && (
        <Card title="New address">
          <AddressForm onDone={() => done("Address added.")} onCancel={() => setEditing(null)} />
        </Card>
      )}
      {list.data ? (
        list.data.length === 0 && editing !== "new" ? (
          <Card>
            <p className="bz-empty">You have no saved addresses yet.</p>
          </Card>
        ) : (
          <ul className="bz-grid bz-list" data-testid="addresses">
            {list.data.map((address) =>
              editing === address.id ? (
                <li key={address.id} className="bz-grid__wide">
                  <Card title="Edit address">
                    <AddressForm
                      address={address}
                      onDone={() => done("Address saved.")}
                      onCancel={() => setEditing(null)}
                    />
                  </Card>
                </li>
              ) : (
                <AddressCard
                  key={address.id}
                  address={address}
                  onEdit={() => {
                    setEditing(address.id);
                    setNotice(null);
                  }}
                  onNotice={setNotice}
                />
              ),
            )}
          </ul>
        )
      ) : list.error ? (
        <ErrorAlert error={listError} />
      ) : (
        <Loading />
      )}
    </Page>
  );
}
