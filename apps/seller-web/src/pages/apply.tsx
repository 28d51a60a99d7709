import { useAuth, useAuthStore, useFormError, useTRPC } from "@bazaar/client";
import { formatDate } from "@bazaar/client/format";
import type { SellerDto } from "@bazaar/schemas";
import { Alert, Button, Card, ErrorAlert, Form, Loading, Page, TextAreaField, TextField } from "@bazaar/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Navigate, useNavigate } from "react-router";
import {
  type AddressValues,
  addressErrorFields,
  addressPayload,
  addressValuesOf,
  BankAccountFields,
  type BankValues,
  bankErrorFields,
  EMPTY_ADDRESS,
  EMPTY_BANK,
  PickupAddressFields,
  ShopContactFields,
} from "../shop-fields";

/**
 * Onboarding for a signed-in account without a shop: the application form, then its
 * status. On approval the account becomes a seller; a token refresh picks the role up.
 */
export function ApplyPage() {
  const trpc = useTRPC();
  const { user } = useAuth();
  const mine = useQuery({
    ...trpc.sellers.mine.queryOptions(),
    // While an application waits, look again now and then, and whenever the tab is revisited.
    refetchInterval: (query) => (query.state.data?.status === "pending" ? 60_000 : false),
    refetchOnWindowFocus: "always",
  });
  const error = useFormError(mine.error);
  const [reapplying, setReapplying] = useState(false);

  if (mine.isPending) return <Loading />;
  if (mine.error) return <ErrorAlert error={error} />;
  const seller = mine.data;
  if (seller?.status === "approved" && user?.role === "seller") return <Navigate to="/" replace />;

  if (!seller || (seller.status === "rejected" && reapplying)) {
    return (
      <Page
        title={seller ? "Apply again" : "Sell on Bazaar"}
        description="Tell us about your shop. We review every application, usually within two working days."
      >
        <ApplicationForm previous={seller} />
      </Page>
    );
  }
  return (
    <Page title="Your application" description={seller.shopName}>
      <ApplicationStatus seller={seller} onReapply={() => setReapplying(true)} />
    </Page>
  );
}

function ApplicationStatus({ seller, onReapply }: { seller: SellerDto; onReapply: () => void }) {
  const store = useAuthStore();
  const navigate = useNavigate();
  const [opening, setOpening] = useState(false);
  const [stale, setStale] = useState(false);

  const openShop = async () => {
    setOpening(true);
    // A fresh access token carries the new role; the refresh cookie is still valid.
    const ok = await store.refresh();
    setOpening(false);
    if (ok && store.getState().user?.role === "seller") navigate("/", { replace: true });
    else setStale(true);
  };

  return (
    <Card testId="application-status">
      {seller.status === "pending" && (
        <Alert tone="info" title="Waiting for review">
          We received your application on {formatDate(seller.createdAt)}. We will email{" "}
          <strong>{seller.contactEmail}</strong> as soon as it is decided.
        </Alert>
      )}
      {seller.status === "rejected" && (
        <Alert tone="error" title="Your application was not approved">
          {seller.statusReason ?? "No reason was given."}
        </Alert>
      )}
      {seller.status === "approved" && (
        <Alert tone="success" title="Your shop is approved">
          Sign in again to open your shop: your account is now a seller account.
          {stale && " We could not renew your session here. Sign out, then sign in again."}
        </Alert>
      )}
      {seller.status === "suspended" && (
        <Alert tone="error" title="Your shop is suspended">
          {seller.statusReason ?? "Contact Bazaar support to find out more."}
        </Alert>
      )}
      <dl className="bz-facts bz-stack">
        <dt>Shop</dt>
        <dd>{seller.shopName}</dd>
        <dt>Web address</dt>
        <dd className="bz-mono">/shop/{seller.slug}</dd>
        <dt>Contact</dt>
        <dd>
          {seller.contactEmail} · {seller.contactPhone}
        </dd>
        <dt>Pickup from</dt>
        <dd>
          {seller.pickupAddress.city}, {seller.pickupAddress.state} {seller.pickupAddress.pincode}
        </dd>
        <dt>Payouts to</dt>
        <dd className="bz-mono">
          {seller.bankAccount.numberMasked} · {seller.bankAccount.ifsc}
        </dd>
      </dl>
      <div className="bz-form-actions">
        {seller.status === "rejected" && <Button onClick={onReapply}>Apply again</Button>}
        {seller.status === "approved" && (
          <Button onClick={openShop} pending={opening} pendingLabel="Opening…" data-testid="open-shop">
            Open my shop
          </Button>
        )}
      </div>
    </Card>
  );
}

type Values = {
  shopName: string;
  slug: string;
  description: string;
  contactEmail: string;
  contactPhone: string;
  gstin: string;
  pan: string;
};
const FIELDS = ["shopName", "slug", "description", "contactEmail", "contactPhone", "gstin", "pan"];

function ApplicationForm({ previous }: { previous: SellerDto | null }) {
  const trpc = useTRPC();
  const { user } = useAuth();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<Values>({
    shopName: previous?.shopName ?? "",
    slug: previous?.slug ?? "",
    description: previous?.description ?? "",
    contactEmail: previous?.contactEmail ?? user?.email ?? "",
    contactPhone: previous?.contactPhone ?? user?.phone ?? "",
    gstin: previous?.gstin ?? "",
    pan: previous?.pan ?? "",
  });
  const [address, setAddress] = useState<AddressValues>(
    previous ? addressValuesOf(previous.pickupAddress) : { ...EMPTY_ADDRESS, name: user?.name ?? "" },
  );
  // The account number is never sent back in full, so a new application asks for it again.
  const [bank, setBank] = useState<BankValues>(
    previous
      ? { ...EMPTY_BANK, holder: previous.bankAccount.holder, ifsc: previous.bankAccount.ifsc }
      : EMPTY_BANK,
  );
  const apply = useMutation(
    trpc.sellers.submitApplication.mutationOptions({
      onSuccess: (seller) => queryClient.setQueryData(trpc.sellers.mine.queryKey(), seller),
    }),
  );
  const error = useFormError(apply.error);
  const set = (key: keyof Values) => (value: string) => setValues((v) => ({ ...v, [key]: value }));

  const submit = () => {
    const { slug, gstin, pan, ...required } = values;
    apply.mutate({
      ...required,
      ...(slug.trim() && { slug }),
      ...(gstin.trim() && { gstin }),
      ...(pan.trim() && { pan }),
      pickupAddress: addressPayload(address),
      bankAccount: bank,
    });
  };

  return (
    <Card>
      <Form aria-label="Apply to sell" testId="apply-form" pending={apply.isPending} onSubmit={submit}>
        <ErrorAlert error={error} fields={[...FIELDS, ...addressErrorFields, ...bankErrorFields]} />
        <fieldset className="bz-subform">
          <legend>Your shop</legend>
          <div className="bz-form-row">
            <TextField
              id="shopName"
              label="Shop name"
              value={values.shopName}
              onValue={set("shopName")}
              error={error?.fieldErrors.shopName}
            />
            <TextField
              id="slug"
              label="Web address (optional)"
              placeholder="ravi-textiles"
              value={values.slug}
              onValue={set("slug")}
              error={error?.fieldErrors.slug}
              hint="Lowercase letters, digits and hyphens. We make one from the name if you leave it empty."
            />
          </div>
          <TextAreaField
            id="description"
            label="About your shop"
            value={values.description}
            onValue={set("description")}
            error={error?.fieldErrors.description}
            hint="What you sell, where it is made. Customers see this on your shop page."
          />
          <ShopContactFields values={values} set={set} error={error} />
        </fieldset>
        <PickupAddressFields values={address} onChange={setAddress} error={error} />
        <BankAccountFields values={bank} onChange={setBank} error={error} />
        <div className="bz-form-actions">
          <Button type="submit" pending={apply.isPending} pendingLabel="Sending…">
            Send application
          </Button>
        </div>
      </Form>
    </Card>
  );
}
