import { useFormError, useTRPC } from "@bazaar/client";
import type { SellerProductDto } from "@bazaar/schemas";
import {
  Card,
  ErrorAlert,
  type FlatCategory,
  Form,
  flattenCategories,
  Loading,
  Page,
  ProductStatusTags,
} from "@bazaar/ui";
import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { Link, useParams } from "react-router";
import { type ImageItem, ImageManager } from "../../image-manager";
import { StockDialog, type StockTarget } from "../stock-dialog";
import { DetailsCard } from "./details-card";
import { EditorActions } from "./editor-actions";
import { PendingEdit } from "./pending-edit";
import { initialFormState, initialImages, type ProductFormState, type SetField } from "./product-form-state";
import { StatusAlerts } from "./status-alerts";
import { TaxCard } from "./tax-card";
import { useProductSave } from "./use-product-save";
import { useVariantRows } from "./use-variant-rows";
import { draftsFromVariants } from "./variants";
import { VariantsCard } from "./variants-card";

const MAX_IMAGES = 10;

export function ProductEditorPage() {
  const { id } = useParams();
  const trpc = useTRPC();
  const product = useQuery({
    ...trpc.seller.products.byId.queryOptions({ id: id ?? "" }),
    enabled: Boolean(id),
  });
  const categories = useQuery(trpc.catalog.categories.queryOptions());
  const flat = useMemo(() => flattenCategories(categories.data ?? []), [categories.data]);
  const error = useFormError(product.error ?? categories.error);

  if (error) return <ErrorAlert error={error} />;
  if ((id && !product.data) || !categories.data) return <Loading />;
  return <ProductForm key={product.data?.id ?? "new"} product={product.data ?? null} categories={flat} />;
}

/** A new product, or an existing one in any status: details, images, variants, tax; then save. */
function ProductForm({
  product,
  categories,
}: {
  product: SellerProductDto | null;
  categories: FlatCategory[];
}) {
  const [state, setState] = useState<ProductFormState>(() => initialFormState(product));
  const [images, setImages] = useState<ImageItem[]>(() => initialImages(product));
  const [uploading, setUploading] = useState(false);
  const [stockTarget, setStockTarget] = useState<StockTarget | null>(null);
  const variants = useVariantRows(state, setState);
  const { save, move, ...saved } = useProductSave({
    product,
    state,
    options: variants.options,
    rows: variants.rows,
    images,
    // Existing variants now have ids and stock: take the server's version.
    onSaved: (dto) => setState((s) => ({ ...s, rows: draftsFromVariants(dto.options, dto.variants) })),
  });
  const set: SetField = (key) => (value) => setState((s) => ({ ...s, [key]: value }));
  const archived = product?.status === "archived";

  return (
    <Page
      title={product ? product.title : "New product"}
      description={<EditorDescription product={product} />}
      actions={
        <Link to="/products" className="bz-button bz-button--secondary">
          All products
        </Link>
      }
    >
      <StatusAlerts product={product} notice={saved.notice} pending={saved.pending} />
      {product?.revision && <PendingEdit product={product} categories={categories} />}
      <Form
        aria-label="Product"
        testId="product-form"
        pending={saved.pending}
        onSubmit={() => save.mutate("save")}
      >
        <ErrorAlert error={saved.error} fields={saved.shownFields} />
        <fieldset className="bz-fieldset" disabled={archived}>
          <DetailsCard state={state} set={set} fieldError={saved.fieldError} categories={categories} />
          <Card title="Images">
            <ImageManager
              images={images}
              onChange={setImages}
              max={MAX_IMAGES}
              error={saved.fieldError("imageIds")}
              disabled={archived}
              onBusy={setUploading}
              hideLabel
            />
          </Card>
          <VariantsCard
            state={state}
            set={set}
            variants={variants}
            error={saved.error}
            cellErrors={saved.cellErrors}
            disabled={archived}
            isNew={!product}
            onAdjustStock={product ? setStockTarget : undefined}
          />
          <TaxCard state={state} set={set} fieldError={saved.fieldError} />
        </fieldset>
        <EditorActions
          status={product?.status}
          saving={save.isPending ? save.variables : undefined}
          moving={move.isPending}
          uploading={uploading}
          onSubmitForReview={() => save.mutate("submit")}
          onMove={(action) => move.mutate(action)}
        />
      </Form>
      {product && (
        <StockDialog target={stockTarget} productId={product.id} onClose={() => setStockTarget(null)} />
      )}
    </Page>
  );
}

function EditorDescription({ product }: { product: SellerProductDto | null }) {
  if (!product) return "Save a draft any time; submit it for review when it is ready.";
  return (
    <>
      <ProductStatusTags status={product.status} revision={product.revision} />{" "}
      <Link to={`/products/${product.id}/inventory`}>Inventory log</Link>
    </>
  );
}
