import { Card, CategorySelect, type FlatCategory, TextAreaField, TextField } from "@bazaar/ui";
import type { ProductFormState, SetField } from "./product-form-state";

/** Title, description, category, brand and tags. */
export function DetailsCard(props: {
  state: ProductFormState;
  set: SetField;
  fieldError: (key: string) => string | undefined;
  categories: FlatCategory[];
}) {
  const { state, set, fieldError } = props;
  return (
    <Card title="Details">
      <div className="bz-stack">
        <TextField
          id="title"
          label="Title"
          value={state.title}
          onValue={set("title")}
          error={fieldError("title")}
          placeholder="Handloom cotton saree with zari border"
        />
        <TextAreaField
          id="description"
          label="Description"
          rows={6}
          value={state.description}
          onValue={set("description")}
          error={fieldError("description")}
        />
        <div className="bz-form-row">
          <CategorySelect
            id="categoryId"
            label="Category"
            categories={props.categories}
            value={state.categoryId}
            onValue={set("categoryId")}
            error={fieldError("categoryId")}
          />
          <TextField
            id="brand"
            label="Brand (optional)"
            value={state.brand}
            onValue={set("brand")}
            error={fieldError("brand")}
          />
        </div>
        <TextField
          id="tags"
          label="Tags (optional)"
          placeholder="handloom, cotton, festive"
          value={state.tags}
          onValue={set("tags")}
          error={fieldError("tags")}
          hint="Separate tags with commas. They help customers find the product."
        />
      </div>
    </Card>
  );
}
