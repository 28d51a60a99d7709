import type { CouponDto } from "@bazaar/schemas";
import { SelectField, TextField } from "./form";
import type { CouponFormModel } from "./use-coupon-form";

export type SectionProps = { form: CouponFormModel; coupon: CouponDto | undefined };

/** The code (fixed once created) and the description customers see with it. */
export function CodeFields({ form, coupon }: SectionProps) {
  const { values, set, fieldError } = form;
  return (
    <div className="bz-form-row">
      {coupon ? (
        <div className="bz-field">
          <span className="bz-field__label">Code</span>
          <strong className="bz-mono">{coupon.code}</strong>
          <p className="bz-field__hint">A code cannot change once customers may have used it.</p>
        </div>
      ) : (
        <TextField
          id="coupon-code"
          name="code"
          label="Code"
          value={values.code}
          onValue={(v) => set("code")(v.toUpperCase())}
          error={fieldError("code")}
          placeholder="DIWALI10"
          autoComplete="off"
          hint="3 to 32 letters, digits, dashes or underscores."
        />
      )}
      <TextField
        id="coupon-description"
        name="description"
        label="Description (optional)"
        value={values.description}
        onValue={set("description")}
        error={fieldError("description")}
        placeholder="10% off festive wear"
        hint="Customers see this with the code."
      />
    </div>
  );
}

/** A percentage (with an optional cap) or a fixed amount, and the order it needs. */
export function DiscountFields({ form }: { form: CouponFormModel }) {
  const { values, set, fieldError } = form;
  return (
    <fieldset className="bz-subform">
      <legend>Discount</legend>
      <div className="bz-form-row">
        <SelectField
          id="coupon-kind"
          name="kind"
          label="Kind"
          options={[
            { value: "percent", label: "Percentage off" },
            { value: "fixed", label: "Fixed amount off" },
          ]}
          value={values.kind}
          onValue={(v) => set("kind")(v === "fixed" ? "fixed" : "percent")}
          error={fieldError("kind")}
        />
        {values.kind === "percent" ? (
          <>
            <TextField
              id="coupon-percent"
              name="percent"
              label="Percentage (%)"
              inputMode="decimal"
              placeholder="10"
              value={values.percent}
              onValue={set("percent")}
              error={fieldError("percentBps")}
            />
            <TextField
              id="coupon-max-discount"
              name="maxDiscount"
              label="Up to (₹, optional)"
              inputMode="decimal"
              placeholder="500"
              value={values.maxDiscount}
              onValue={set("maxDiscount")}
              error={fieldError("maxDiscount")}
              hint="The most one order can save."
            />
          </>
        ) : (
          <TextField
            id="coupon-amount"
            name="amountOff"
            label="Amount off (₹)"
            inputMode="decimal"
            placeholder="100"
            value={values.amountOff}
            onValue={set("amountOff")}
            error={fieldError("amountOff")}
          />
        )}
      </div>
      <TextField
        id="coupon-min-subtotal"
        name="minSubtotal"
        label="Minimum order (₹, optional)"
        inputMode="decimal"
        placeholder="999"
        value={values.minSubtotal}
        onValue={set("minSubtotal")}
        error={fieldError("minSubtotal")}
        hint="What the eligible items must add up to before the coupon works."
      />
    </fieldset>
  );
}

/** When the coupon runs, how many uses in all and per customer, first orders only. */
export function ScheduleFields({ form, coupon }: SectionProps) {
  const { values, set, fieldError } = form;
  return (
    <fieldset className="bz-subform">
      <legend>When and how often</legend>
      <div className="bz-form-row">
        <TextField
          id="coupon-starts"
          name="startsAt"
          label="Starts"
          type="datetime-local"
          value={values.startsAt}
          onValue={set("startsAt")}
          error={fieldError("startsAt")}
          hint={coupon ? undefined : "Leave blank to start now."}
        />
        <TextField
          id="coupon-ends"
          name="endsAt"
          label="Ends (optional)"
          type="datetime-local"
          value={values.endsAt}
          onValue={set("endsAt")}
          error={fieldError("endsAt")}
          hint="Leave blank to run until you disable it."
        />
      </div>
      <div className="bz-form-row">
        <TextField
          id="coupon-usage-limit"
          name="usageLimit"
          label="Total uses (optional)"
          inputMode="numeric"
          value={values.usageLimit}
          onValue={set("usageLimit")}
          error={fieldError("usageLimit")}
          hint={coupon ? `Used ${coupon.usedCount} times so far.` : "Blank for no limit."}
        />
        <TextField
          id="coupon-per-customer"
          name="perCustomerLimit"
          label="Uses per customer (optional)"
          inputMode="numeric"
          value={values.perCustomerLimit}
          onValue={set("perCustomerLimit")}
          error={fieldError("perCustomerLimit")}
          hint="Blank for no limit."
        />
      </div>
      <label className="bz-checkbox" htmlFor="coupon-first-order">
        <input
          id="coupon-first-order"
          type="checkbox"
          checked={values.firstOrderOnly}
          onChange={(e) => set("firstOrderOnly")(e.target.checked)}
        />
        Only for a customer's first order
      </label>
      {fieldError("firstOrderOnly") && <p className="bz-field__error">{fieldError("firstOrderOnly")}</p>}
    </fieldset>
  );
}
