import type { FormError } from "@bazaar/client";
import { Form, SelectField, TextField } from "@bazaar/ui";
import { FilterActions } from "../url-filters";
import type { AuditFilters } from "./audit-values";

const ROLE_OPTIONS = [
  { value: "admin", label: "Admin" },
  { value: "seller", label: "Seller" },
  { value: "customer", label: "Customer" },
  { value: "system", label: "System (jobs)" },
];

/** Actor (email or id), role, action prefix, target and the days (India) to look in. */
export function AuditFilterForm(props: {
  values: AuditFilters;
  set: (key: keyof AuditFilters) => (value: string) => void;
  filtered: boolean;
  /** The list's error, so a filter the API refuses is named beside its field. */
  error: FormError | null;
  onSearch: () => void;
  onClear: () => void;
}) {
  const { values, set, filtered } = props;
  const fe = props.error?.fieldErrors ?? {};
  return (
    <Form aria-label="Filter the audit log" className="bz-toolbar-form" onSubmit={props.onSearch}>
      <div className="bz-toolbar">
        <TextField
          id="audit-actor"
          label="Actor"
          type="search"
          placeholder="Email or account id"
          value={values.actor}
          onValue={set("actor")}
          error={fe.actorEmail ?? fe.actorId}
        />
        <SelectField
          id="audit-role"
          label="Role"
          placeholder="Any role"
          options={ROLE_OPTIONS}
          value={values.role}
          onValue={set("role")}
        />
        <TextField
          id="audit-action"
          label="Action"
          placeholder="payout. or seller.suspended"
          value={values.action}
          onValue={set("action")}
          error={fe.action}
          hint="Starts with: 'payout.' lists every payout action."
        />
      </div>
      <div className="bz-toolbar">
        <TextField
          id="audit-target-type"
          label="Target type"
          placeholder="seller, product, order…"
          value={values.targetType}
          onValue={set("targetType")}
          error={fe.targetType}
        />
        <TextField
          id="audit-target-id"
          label="Target id"
          value={values.targetId}
          onValue={set("targetId")}
          error={fe.targetId}
        />
        <TextField id="audit-from" label="From" type="date" value={values.from} onValue={set("from")} />
        <TextField id="audit-to" label="To" type="date" value={values.to} onValue={set("to")} error={fe.to} />
        <FilterActions filtered={filtered} onClear={props.onClear} />
      </div>
    </Form>
  );
}
