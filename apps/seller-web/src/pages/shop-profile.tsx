import { toFormError, useFormError, useTRPC, useUploadMedia } from "@bazaar/client";
import type { SellerDto } from "@bazaar/schemas";
import { Alert, Button, Card, ErrorAlert, Form, Loading, Page, TextAreaField, TextField } from "@bazaar/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import {
  type AddressValues,
  addressErrorFields,
  addressPayload,
  addressValuesOf,
  BankAccountFields,
  type BankValues,
  bankErrorFields,
  EMPTY_BANK,
  MaskedBankAccount,
  PickupAddressFields,
  ShopContactFields,
} from "../shop-fields";

export function ShopProfilePage() {
  const trpc = useTRPC();
  const mine = useQuery(trpc.sellers.mine.queryOptions());
  const error = useFormError(mine.error);
  if (mine.error) return <ErrorAlert error={error} />;
  if (!mine.data) return <Loading />;
  return (
    <Page title="Shop profile" description="What customers see on your shop page, and where we send payouts.">
      <ProfileForm key={mine.data.id} seller={mine.data} />
    </Page>
  );
}

const FIELDS = ["shopName", "description", "contactEmail", "contactPhone", "gstin", "pan", "logoMediaId"];

function ProfileForm({ seller }: { seller: SellerDto }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [values, setValues] = useState({
    shopName: seller.shopName,
    description: seller.description,
    contactEmail: seller.contactEmail,
    contactPhone: seller.contactPhone,
    gstin: seller.gstin ?? "",
    pan: seller.pan ?? "",
  });
  const [address, setAddress] = useState<AddressValues>(addressValuesOf(seller.pickupAddress));
  const [changingBank, setChangingBank] = useState(false);
  const [bank, setBank] = useState<BankValues>(EMPTY_BANK);
  const [notice, setNotice] = useState<string | null>(null);
  const update = useMutation(
    trpc.sellers.updateProfile.mutationOptions({
      onMutate: () => setNotice(null),
      onSuccess: (updated) => {
        queryClient.setQueryData(trpc.sellers.mine.queryKey(), updated);
        setChangingBank(false);
        setBank(EMPTY_BANK);
        setNotice("Shop profile saved.");
      },
    }),
  );
  const error = useFormError(update.error);
  const set = (key: keyof typeof values) => (value: string) => setValues((v) => ({ ...v, [key]: value }));

  const submit = () =>
    update.mutate({
      ...values,
      gstin: values.gstin.trim() || null,
      pan: values.pan.trim() || null,
      pickupAddress: addressPayload(address),
      ...(changingBank && { bankAccount: bank }),
    });

  return (
    <>
      <Card title="Logo">
        <LogoUpload seller={seller} onNotice={setNotice} />
      </Card>
      <Card title="Payments">
        <CashOnDelivery seller={seller} onNotice={setNotice} />
      </Card>
      <Card title="Details">
        {notice && (
          <Alert tone="success" testId="profile-notice">
            {notice}
          </Alert>
        )}
        <Form
          aria-label="Shop profile"
          pending={update.isPending}
          onSubmit={submit}
          testId="shop-profile-form"
        >
          <ErrorAlert error={error} fields={[...FIELDS, ...addressErrorFields, ...bankErrorFields]} />
          <TextField
            id="shopName"
            label="Shop name"
            value={values.shopName}
            onValue={set("shopName")}
            error={error?.fieldErrors.shopName}
            hint={`Your shop page: /shop/${seller.slug}`}
          />
          <TextAreaField
            id="description"
            label="About your shop"
            value={values.description}
            onValue={set("description")}
            error={error?.fieldErrors.description}
          />
          <ShopContactFields values={values} set={set} error={error} />
          <PickupAddressFields values={address} onChange={setAddress} error={error} />
          {changingBank ? (
            <>
              <BankAccountFields values={bank} onChange={setBank} error={error} />
              <div>
                <Button variant="link" onClick={() => setChangingBank(false)}>
                  Keep the current bank account
                </Button>
              </div>
            </>
          ) : (
            <fieldset className="bz-subform">
              <legend>Bank account for payouts</legend>
              <MaskedBankAccount bank={seller.bankAccount} />
              <div>
                <Button
                  variant="secondary"
                  className="bz-button--small"
                  onClick={() => setChangingBank(true)}
                >
                  Change bank account
                </Button>
              </div>
            </fieldset>
          )}
          <div className="bz-form-actions">
            <Button type="submit" pending={update.isPending} pendingLabel="Saving…">
              Save profile
            </Button>
          </div>
        </Form>
      </Card>
    </>
  );
}

/** Uploads a new logo and saves it to the shop at once. */
function LogoUpload({ seller, onNotice }: { seller: SellerDto; onNotice: (message: string) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const upload = useUploadMedia();
  const inputId = useId();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const save = useMutation(
    trpc.sellers.updateProfile.mutationOptions({
      onSuccess: (updated) => {
        queryClient.setQueryData(trpc.sellers.mine.queryKey(), updated);
        onNotice("Logo saved.");
      },
    }),
  );

  const choose = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    setBusy(true);
    try {
      const media = await upload(file);
      await save.mutateAsync({ logoMediaId: media.id });
    } catch (e) {
      const f = toFormError(e);
      setError(f.fieldErrors.file ?? f.fieldErrors.logoMediaId ?? f.message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="bz-media-row">
      {seller.logoUrl ? (
        <img
          src={seller.logoUrl}
          alt={`${seller.shopName} logo`}
          className="bz-logo"
          data-testid="shop-logo"
        />
      ) : (
        <span className="bz-logo bz-logo--empty" aria-hidden="true">
          {seller.shopName.slice(0, 1)}
        </span>
      )}
      <div className="bz-stack">
        <div className="bz-form-actions">
          <label
            htmlFor={inputId}
            className={`bz-button bz-button--secondary${busy ? " bz-button--disabled" : ""}`}
          >
            {busy ? "Uploading…" : seller.logoUrl ? "Change logo" : "Upload logo"}
          </label>
          <input
            id={inputId}
            type="file"
            accept="image/jpeg,image/png,image/webp"
            className="bz-visually-hidden"
            disabled={busy}
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = "";
              void choose(file);
            }}
          />
          {seller.logoUrl && (
            <Button
              variant="link"
              disabled={busy || save.isPending}
              onClick={() => save.mutate({ logoMediaId: null })}
            >
              Remove logo
            </Button>
          )}
        </div>
        {error ? (
          <p className="bz-field__error" role="alert">
            {error}
          </p>
        ) : (
          <p className="bz-field__hint">A square JPEG, PNG or WebP image, up to 5 MB.</p>
        )}
      </div>
    </div>
  );
}

/** Whether customers may pay cash on delivery for this shop's items; saved at once. */
function CashOnDelivery({ seller, onNotice }: { seller: SellerDto; onNotice: (message: string) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // Shown as chosen at once; put back if the save fails.
  const [checked, setChecked] = useState(seller.codEnabled);
  const save = useMutation(
    trpc.sellers.updateProfile.mutationOptions({
      onSuccess: (updated) => {
        queryClient.setQueryData(trpc.sellers.mine.queryKey(), updated);
        setChecked(updated.codEnabled);
        onNotice(
          updated.codEnabled
            ? "Customers can now pay cash on delivery for your items."
            : "Cash on delivery is off: customers pay online for your items.",
        );
      },
      onError: () => setChecked(seller.codEnabled),
    }),
  );
  const error = useFormError(save.error);
  return (
    <div className="bz-stack" data-testid="cod-setting">
      <label className="bz-checkbox" htmlFor="cod-enabled">
        <input
          id="cod-enabled"
          type="checkbox"
          checked={checked}
          disabled={save.isPending}
          onChange={(e) => {
            setChecked(e.target.checked);
            save.mutate({ codEnabled: e.target.checked });
          }}
          aria-describedby="cod-enabled-hint"
        />
        Accept cash on delivery
      </label>
      <p id="cod-enabled-hint" className="bz-field__hint">
        When this is off, customers must pay online for orders that include your items.
      </p>
      <ErrorAlert error={error} />
    </div>
  );
}
