import { type FormError, useFormError, useTRPC } from "@bazaar/client";
import { formatRupees } from "@bazaar/client/format";
import type { CartCouponDto } from "@bazaar/schemas";
import { Button, ErrorAlert, Form, TextField } from "@bazaar/ui";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useCartChanged } from "../cart/use-cart";

/** Apply a coupon code, or see and remove the one applied. */
export function CouponBox({ coupon }: { coupon: CartCouponDto | null }) {
  const trpc = useTRPC();
  const changed = useCartChanged();
  const [code, setCode] = useState("");
  const apply = useMutation(
    trpc.cart.applyCoupon.mutationOptions({
      onSuccess: async (result) => {
        setCode("");
        await changed(result);
      },
    }),
  );
  const remove = useMutation(
    trpc.cart.removeCoupon.mutationOptions({
      onSuccess: async (result) => {
        apply.reset();
        await changed(result);
      },
    }),
  );
  const error = useFormError(apply.error);
  const removeError = useFormError(remove.error);

  if (coupon)
    return (
      <AppliedCoupon
        coupon={coupon}
        pending={remove.isPending}
        error={removeError}
        onRemove={() => remove.mutate()}
      />
    );

  return (
    <Form
      aria-label="Apply a coupon"
      className="bz-toolbar-form bz-coupon"
      testId="coupon-form"
      pending={apply.isPending}
      onSubmit={() => apply.mutate({ code })}
    >
      <ErrorAlert error={error} fields={["code"]} />
      <TextField
        id="coupon-code"
        name="code"
        label="Coupon code"
        autoComplete="off"
        value={code}
        onValue={(v) => setCode(v.toUpperCase())}
        error={error?.fieldErrors.code}
      />
      <Button type="submit" variant="secondary" pending={apply.isPending} pendingLabel="Applying…">
        Apply coupon
      </Button>
    </Form>
  );
}

/** The coupon in the cart: what it saves, or why it does not apply yet, and Remove. */
function AppliedCoupon(props: {
  coupon: CartCouponDto;
  pending: boolean;
  error: FormError | null;
  onRemove: () => void;
}) {
  const { coupon } = props;
  return (
    <div className="bz-coupon" data-testid="applied-coupon">
      <div className="bz-row">
        <div className="bz-row__main">
          <strong className="bz-mono">{coupon.code}</strong>{" "}
          {coupon.applied ? (
            <span className="bz-tag bz-tag--accent">Applied</span>
          ) : (
            <span className="bz-tag bz-tag--warning">Not applied</span>
          )}
          {coupon.description && <p className="bz-muted bz-small">{coupon.description}</p>}
          {coupon.applied ? (
            <p className="bz-small bz-text-success" data-testid="coupon-saving">
              You save {formatRupees(coupon.discount)}
            </p>
          ) : (
            <p className="bz-small bz-text-warning" data-testid="coupon-message">
              {coupon.message}
            </p>
          )}
        </div>
        <Button
          variant="link"
          onClick={props.onRemove}
          pending={props.pending}
          pendingLabel="Removing…"
          data-testid="remove-coupon"
        >
          Remove
        </Button>
      </div>
      <ErrorAlert error={props.error} />
    </div>
  );
}
