import type { SaleEventDto } from "@bazaar/schemas";
import { Button, ErrorAlert, Form, TextField } from "@bazaar/ui";
import { SaleItemsTable } from "./sale-items-table";
import { useSaleForm } from "./use-sale-form";
import { VariantFinder } from "./variant-finder";

/** Name, window and the variants on sale with their sale prices; creates or updates. */
export function SaleForm(props: {
  sale?: SaleEventDto;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const form = useSaleForm(props.sale, props.onDone);
  const { draft, set, fieldError } = form;
  return (
    <Form
      aria-label={props.sale ? `Edit sale ${props.sale.name}` : "New sale"}
      testId="sale-form"
      pending={form.pending}
      onSubmit={form.submit}
    >
      <ErrorAlert error={form.error} fields={form.shownFields} />
      <TextField
        id="sale-name"
        name="name"
        label="Name"
        placeholder="Diwali sale"
        value={draft.name}
        onValue={set("name")}
        error={fieldError("name")}
        hint="For you; customers see the sale price and when it ends."
      />
      <div className="bz-form-row">
        <TextField
          id="sale-starts"
          name="startsAt"
          label="Starts"
          type="datetime-local"
          value={draft.startsAt}
          onValue={set("startsAt")}
          error={fieldError("startsAt")}
        />
        <TextField
          id="sale-ends"
          name="endsAt"
          label="Ends"
          type="datetime-local"
          value={draft.endsAt}
          onValue={set("endsAt")}
          error={fieldError("endsAt")}
        />
      </div>
      <fieldset className="bz-subform">
        <legend>Variants on sale</legend>
        {draft.items.length === 0 ? (
          <p className="bz-muted">None yet. Find products below and add the variants to put on sale.</p>
        ) : (
          <SaleItemsTable
            items={draft.items}
            cellError={form.cellError}
            onPrice={form.setItem}
            onRemove={form.removeItem}
          />
        )}
        {fieldError("items") && (
          <p className="bz-field__error" data-testid="sale-items-error">
            {fieldError("items")}
          </p>
        )}
        <VariantFinder chosen={draft.items.map((i) => i.variantId)} onAdd={form.addItem} />
      </fieldset>
      <div className="bz-form-actions">
        <Button type="submit" pending={form.pending} pendingLabel="Saving…">
          {props.sale ? "Save sale" : "Create sale"}
        </Button>
        <Button variant="secondary" onClick={props.onCancel}>
          Cancel
        </Button>
      </div>
    </Form>
  );
}
