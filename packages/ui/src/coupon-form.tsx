import type { FormError } from "@bazaar/client";
import type { CouponDto } from "@bazaar/schemas";
import type { FlatCategory } from "./catalog";
import { CodeFields, DiscountFields, ScheduleFields } from "./coupon-form-fields";
import { type ProductChoices, ScopeFields } from "./coupon-scope-fields";
import type { CouponFieldsInput } from "./coupon-values";
import { Button, ErrorAlert, Form } from "./form";
import { useCouponForm } from "./use-coupon-form";

type CouponFormProps = {
  /** The coupon being edited; a new one when absent. */
  coupon?: CouponDto;
  categories: readonly FlatCategory[];
  products: ProductChoices;
  pending: boolean;
  /** The failed create or update call, whose field errors go beside the fields. */
  error: FormError | null;
  /** The code is only used when creating: it cannot change afterwards. */
  onSubmit: (fields: CouponFieldsInput, code: string) => void;
  onCancel: () => void;
};

/**
 * Every field of a coupon, in rupees and percent: sellers make coupons for their products,
 * admins for the whole platform. Values are checked as far as the form can (amounts,
 * percentages, times); the rest, and every rule, comes back from the server per field.
 */
export function CouponForm({
  coupon,
  categories,
  products,
  pending,
  error,
  onSubmit,
  onCancel,
}: CouponFormProps) {
  const form = useCouponForm({ coupon, error, onSubmit });
  return (
    <Form
      aria-label={coupon ? `Edit coupon ${coupon.code}` : "New coupon"}
      testId="coupon-form"
      pending={pending}
      onSubmit={form.submit}
    >
      <ErrorAlert error={form.formError} fields={form.shownFields} />
      <CodeFields form={form} coupon={coupon} />
      <DiscountFields form={form} />
      <ScheduleFields form={form} coupon={coupon} />
      <ScopeFields form={form} coupon={coupon} products={products} categories={categories} />
      <div className="bz-form-actions">
        <Button type="submit" pending={pending} pendingLabel="Saving…">
          {coupon ? "Save coupon" : "Create coupon"}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </Form>
  );
}
