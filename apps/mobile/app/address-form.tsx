import { toFormError, useTRPC } from "@bazaar/client";
import { INDIAN_STATES } from "@bazaar/schemas";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { router, Stack, useLocalSearchParams } from "expo-router";
import { useEffect, useState } from "react";
import { Text } from "react-native";
import { Button, Chip, Field, Loading, Notice, Row, Screen, styles, Title } from "../src/ui";

const FIELDS = ["name", "phone", "line1", "line2", "landmark", "city", "pincode", "label"] as const;
type Form = Record<(typeof FIELDS)[number] | "state", string>;
const empty: Form = {
  name: "",
  phone: "",
  line1: "",
  line2: "",
  landmark: "",
  city: "",
  pincode: "",
  label: "",
  state: "",
};
const LABELS: Record<(typeof FIELDS)[number], string> = {
  name: "Full name",
  phone: "Mobile number",
  line1: "Address line 1",
  line2: "Address line 2 (optional)",
  landmark: "Landmark (optional)",
  city: "City",
  pincode: "PIN code",
  label: "Label, e.g. Home (optional)",
};

/** A new address, or an edit of one (?id=); every field's error beside it. */
export default function AddressForm() {
  const { id } = useLocalSearchParams<{ id?: string }>();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery({ ...trpc.addresses.list.queryOptions(), enabled: Boolean(id) });
  const [form, setForm] = useState<Form>(empty);
  const [stateQuery, setStateQuery] = useState("");
  useEffect(() => {
    const a = list.data?.find((x) => x.id === id);
    if (a)
      setForm({
        name: a.name,
        phone: a.phone,
        line1: a.line1,
        line2: a.line2 ?? "",
        landmark: a.landmark ?? "",
        city: a.city,
        pincode: a.pincode,
        label: a.label ?? "",
        state: a.state,
      });
  }, [list.data, id]);
  const done = async () => {
    await queryClient.invalidateQueries(trpc.addresses.list.pathFilter());
    router.back();
  };
  const optional = (v: string) => (v.trim() ? v : undefined);
  const body = () => ({
    name: form.name,
    phone: form.phone,
    line1: form.line1,
    line2: optional(form.line2),
    landmark: optional(form.landmark),
    city: form.city,
    pincode: form.pincode,
    label: optional(form.label),
    state: form.state as (typeof INDIAN_STATES)[number],
  });
  const create = useMutation(trpc.addresses.create.mutationOptions({ onSuccess: done }));
  const update = useMutation(trpc.addresses.update.mutationOptions({ onSuccess: done }));
  const error = toErr(create.error ?? update.error);
  if (id && list.isPending) return <Loading />;
  const states = INDIAN_STATES.filter((s) => s.toLowerCase().includes(stateQuery.trim().toLowerCase()));
  return (
    <Screen testID="address-form">
      <Stack.Screen options={{ title: id ? "Edit address" : "New address" }} />
      <Title>{id ? "Edit address" : "New address"}</Title>
      {FIELDS.map((f) => (
        <Field
          key={f}
          label={LABELS[f]}
          value={form[f]}
          onChangeText={(v) => setForm((x) => ({ ...x, [f]: v }))}
          keyboardType={f === "phone" ? "phone-pad" : f === "pincode" ? "number-pad" : "default"}
          error={error?.fieldErrors[f]}
        />
      ))}
      <Text style={styles.label}>State: {form.state || "choose one"}</Text>
      <Field
        label="Find your state"
        value={stateQuery}
        onChangeText={setStateQuery}
        error={error?.fieldErrors.state}
      />
      <Row>
        {(stateQuery ? states : states.slice(0, 0)).slice(0, 8).map((s) => (
          <Chip
            key={s}
            label={s}
            selected={form.state === s}
            onPress={() => setForm((x) => ({ ...x, state: s }))}
          />
        ))}
      </Row>
      {error && !Object.keys(error.fieldErrors).length ? <Notice tone="error">{error.message}</Notice> : null}
      <Button
        label="Save address"
        busy={create.isPending || update.isPending}
        onPress={() => (id ? update.mutate({ id, ...body() }) : create.mutate(body()))}
      />
    </Screen>
  );
}

const toErr = (e: unknown) => (e ? toFormError(e) : null);
