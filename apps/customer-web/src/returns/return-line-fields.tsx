import type { OrderItemDto, ReturnReason } from "@bazaar/schemas";
import { RETURN_REASON_OPTIONS, SelectField } from "@bazaar/ui";
import type { LineDraft } from "./return-draft";
import { lineReturnText } from "./return-labels";

/** One returnable line: a checkbox to include it, then how many units and why. */
export function ReturnLineFields(props: {
  item: OrderItemDto;
  draft: LineDraft;
  now: Date;
  onChange: (next: LineDraft) => void;
  error: (field: "qty" | "reason" | "orderItemId") => string | undefined;
}) {
  const { item: i, draft: d } = props;
  const set = (patch: Partial<LineDraft>) => props.onChange({ ...d, ...patch });
  const id = `return-${i.id}`;
  const units = Array.from({ length: i.returnableQty }, (_, n) => String(n + 1));
  return (
    <li className="bz-return-line" data-testid="return-line">
      {i.imageUrl ? (
        <img src={i.imageUrl} alt="" className="bz-thumb bz-thumb--small" />
      ) : (
        <span className="bz-thumb bz-thumb--small bz-thumb--empty" aria-hidden="true" />
      )}
      <div>
        <label className="bz-checkbox">
          <input
            type="checkbox"
            checked={d.selected}
            onChange={(e) => set({ selected: e.target.checked })}
            data-testid="return-line-select"
          />
          <span>
            <strong>{i.title}</strong>
            {i.variantLabel && <span className="bz-muted bz-small"> · {i.variantLabel}</span>}
          </span>
        </label>
        <p className="bz-small bz-muted">{lineReturnText(i, props.now)}</p>
        {props.error("orderItemId") && <p className="bz-field__error">{props.error("orderItemId")}</p>}
        {d.selected && (
          <div className="bz-return-line__fields">
            <SelectField
              id={`${id}-qty`}
              label="Units"
              options={units}
              value={String(d.qty)}
              onValue={(v) => set({ qty: Number(v) })}
              error={props.error("qty")}
            />
            <SelectField
              id={`${id}-reason`}
              label="Reason"
              placeholder="Choose a reason"
              options={RETURN_REASON_OPTIONS}
              value={d.reason}
              onValue={(v) => set({ reason: v as ReturnReason | "" })}
              error={props.error("reason")}
            />
          </div>
        )}
      </div>
    </li>
  );
}
