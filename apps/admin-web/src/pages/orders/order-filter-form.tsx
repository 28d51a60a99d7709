import {
  Form,
  PAYMENT_STATUSES,
  paymentStatusLabel,
  SelectField,
  SUB_ORDER_STATUSES,
  subOrderStatusLabel,
  TextField,
} from "@bazaar/ui";
import { FilterActions } from "../url-filters";
import type { OrderFilters } from "./order-values";

const STATUS_OPTIONS = SUB_ORDER_STATUSES.map((s) => ({ value: s, label: subOrderStatusLabel(s) }));
const PAYMENT_OPTIONS = PAYMENT_STATUSES.map((s) => ({ value: s, label: paymentStatusLabel(s) }));
const METHOD_OPTIONS = [
  { value: "razorpay", label: "Online" },
  { value: "cod", label: "Cash on delivery" },
];

/** Search by number or email, filter by status, payment and the days placed (in India). */
export function OrderFilterForm(props: {
  values: OrderFilters;
  set: (key: keyof OrderFilters) => (value: string) => void;
  filtered: boolean;
  onSearch: () => void;
  onClear: () => void;
}) {
  const { values, set, filtered } = props;
  return (
    <Form aria-label="Filter orders" className="bz-toolbar-form" onSubmit={props.onSearch}>
      <div className="bz-toolbar">
        <TextField
          id="q"
          label="Search"
          type="search"
          placeholder="Order number or customer email"
          value={values.q}
          onValue={set("q")}
        />
        <SelectField
          id="status"
          label="Status"
          placeholder="Any status"
          options={STATUS_OPTIONS}
          value={values.status}
          onValue={set("status")}
        />
        <SelectField
          id="paymentStatus"
          label="Payment"
          placeholder="Any payment"
          options={PAYMENT_OPTIONS}
          value={values.paymentStatus}
          onValue={set("paymentStatus")}
        />
        <SelectField
          id="paymentMethod"
          label="Method"
          placeholder="Any method"
          options={METHOD_OPTIONS}
          value={values.paymentMethod}
          onValue={set("paymentMethod")}
        />
      </div>
      <div className="bz-toolbar">
        <TextField id="from" label="Placed from" type="date" value={values.from} onValue={set("from")} />
        <TextField id="to" label="Placed to" type="date" value={values.to} onValue={set("to")} />
        <FilterActions filtered={filtered} onClear={props.onClear} />
      </div>
    </Form>
  );
}
