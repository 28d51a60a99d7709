import { type FormError, useFormError, useTRPC } from "@bazaar/client";
import type { SellerDto } from "@bazaar/schemas";
import { Alert, Button, Card, ErrorAlert, Form, Loading, Page, TextAreaField, TextField } from "@bazaar/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
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
import { CashOnDelivery } from "./cash-on-delivery";
import { ReturnWindowCard } from "./return-window-card";
import { LogoUpload } from "./shop-logo";

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
      <ReturnWindowCard />
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
          <BankSection
            seller={seller}
            changing={changingBank}
            onChanging={setChangingBank}
            bank={bank}
            onBank={setBank}
            error={error}
          />
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

/**
 * The payout bank account: shown masked; a new one is typed in full only when changing it,
 * and sent with the profile only then.
 */
function BankSection(props: {
  seller: SellerDto;
  changing: boolean;
  onChanging: (changing: boolean) => void;
  bank: BankValues;
  onBank: (bank: BankValues) => void;
  error: FormError | null;
}) {
  const { seller, bank, error } = props;
  return props.changing ? (
    <>
      <BankAccountFields values={bank} onChange={props.onBank} error={error} />
      <div>
        <Button variant="link" onClick={() => props.onChanging(false)}>
          Keep the current bank account
        </Button>
      </div>
    </>
  ) : (
    <fieldset className="bz-subform">
      <legend>Bank account for payouts</legend>
      <MaskedBankAccount bank={seller.bankAccount} />
      <div>
        <Button variant="secondary" className="bz-button--small" onClick={() => props.onChanging(true)}>
          Change bank account
        </Button>
      </div>
    </fieldset>
  );
}
