import { useFormError, useTRPC } from "@bazaar/client";
import type { AddressDto } from "@bazaar/schemas";
import { Button, Card, ErrorAlert, formatPhone } from "@bazaar/ui";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useInvalidateAddresses } from "./address-form";

/** One saved address: edit it, make it the default, or delete it after a second click. */
export function AddressCard(props: {
  address: AddressDto;
  onEdit: () => void;
  onNotice: (message: string) => void;
}) {
  const { address: a } = props;
  const trpc = useTRPC();
  const invalidate = useInvalidateAddresses();
  const [confirming, setConfirming] = useState(false);
  const remove = useMutation(
    trpc.addresses.remove.mutationOptions({
      onSuccess: async () => {
        await invalidate();
        props.onNotice("Address deleted.");
      },
    }),
  );
  const setDefault = useMutation(
    trpc.addresses.setDefault.mutationOptions({
      onSuccess: async () => {
        await invalidate();
        props.onNotice(`${a.label || a.line1} is now your default address.`);
      },
    }),
  );
  const error = useFormError(remove.error ?? setDefault.error);
  const busy = remove.isPending || setDefault.isPending;
  return (
    <li>
      <Card className="bz-address" testId="address">
        <div className="bz-address__head">
          <strong>{a.label || a.name}</strong>
          {a.isDefault && <span className="bz-tag bz-tag--accent">Default</span>}
        </div>
        <AddressLines address={a} />
        <ErrorAlert error={error} />
        {confirming ? (
          <div className="bz-form-actions">
            <span>Delete this address?</span>
            <Button
              variant="danger"
              className="bz-button--small"
              pending={remove.isPending}
              pendingLabel="Deleting…"
              onClick={() => remove.mutate({ id: a.id })}
            >
              Delete
            </Button>
            <Button variant="secondary" className="bz-button--small" onClick={() => setConfirming(false)}>
              Keep
            </Button>
          </div>
        ) : (
          <div className="bz-form-actions">
            <Button variant="secondary" className="bz-button--small" disabled={busy} onClick={props.onEdit}>
              Edit
            </Button>
            {!a.isDefault && (
              <Button
                variant="secondary"
                className="bz-button--small"
                disabled={busy}
                pending={setDefault.isPending}
                pendingLabel="Saving…"
                onClick={() => setDefault.mutate({ id: a.id })}
              >
                Set as default
              </Button>
            )}
            <Button
              variant="danger"
              className="bz-button--small"
              disabled={busy}
              onClick={() => setConfirming(true)}
            >
              Delete
            </Button>
          </div>
        )}
      </Card>
    </li>
  );
}

function AddressLines({ address: a }: { address: AddressDto }) {
  return (
    <address className="bz-address__body">
      {a.label && (
        <>
          {a.name}
          <br />
        </>
      )}
      {a.line1}
      {a.line2 && (
        <>
          <br />
          {a.line2}
        </>
      )}
      {a.landmark && (
        <>
          <br />
          Near {a.landmark}
        </>
      )}
      <br />
      {a.city}, {a.state} {a.pincode}
      <br />
      <span className="bz-muted">{formatPhone(a.phone)}</span>
    </address>
  );
}
