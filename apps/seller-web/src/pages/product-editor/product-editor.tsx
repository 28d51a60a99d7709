import { toFormError, useFormError, useTRPC, useTRPCClient } from "@bazaar/client";
import type { SellerProductDto } from "@bazaar/schemas";
import {
  Alert,
  Button,
  Card,
  CategorySelect,
  ErrorAlert,
  type FlatCategory,
  Form,
  flattenCategories,
  Loading,
  Page,
  ProductStatusTags,
  SelectField,
  TextAreaField,
  TextField,
} from "@bazaar/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useMemo, useRef, useState } from "react";
import { Link, useLocation, useNavigate, useParams } from "react-router";
import { type ImageItem, ImageManager } from "../../image-manager";
import { StockDialog, type StockTarget } from "../stock-dialog";
import { newOptionKey, OptionsEditor } from "./options-editor";
import { PendingEdit } from "./pending-edit";
import { VariantMatrix } from "./variant-matrix";
import {
  buildVariants,
  combinations,
  comboKey,
  draftsFromVariants,
  emptyVariant,
  matrixErrors,
  type OptionDraft,
  suggestSku,
  toOptions,
  type VariantDraft,
} from "./variants";

const GST_RATES = [
  { value: "0", label: "0% (exempt)" },
  { value: "500", label: "5%" },
  { value: "1200", label: "12%" },
  { value: "1800", label: "18%" },
  { value: "2800", label: "28%" },
];
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

type Attribute = { key: string; name: string; value: string };
type State = {
  title: string;
  description: string;
  brand: string;
  categoryId: string;
  hsnCode: string;
  gstRateBps: string;
  tags: string;
  attributes: Attribute[];
  options: OptionDraft[];
  rows: Record<string, VariantDraft>;
};

/** The form starts from the proposed edit when one waits, else from the product as it is. */
function stateOf(p: SellerProductDto | null): State {
  if (!p) {
    return {
      title: "",
      description: "",
      brand: "",
      categoryId: "",
      hsnCode: "",
      gstRateBps: "500",
      tags: "",
      attributes: [],
      options: [],
      rows: {},
    };
  }
  const r = p.revision;
  return {
    title: r?.title ?? p.title,
    description: r?.description ?? p.description,
    brand: p.brand ?? "",
    categoryId: r?.categoryId ?? p.categoryId,
    hsnCode: p.hsnCode ?? "",
    gstRateBps: String(p.gstRateBps),
    tags: p.tags.join(", "),
    attributes: Object.entries(p.attributes).map(([name, value], i) => ({ key: `attr-${i}`, name, value })),
    options: p.options.map((o) => ({ key: newOptionKey(), name: o.name, valuesText: o.values.join(", ") })),
    rows: draftsFromVariants(p.options, p.variants),
  };
}

const imagesOf = (p: SellerProductDto | null): ImageItem[] =>
  p?.revision?.images ?? p?.images.map((i) => ({ mediaId: i.mediaId, url: i.url })) ?? [];

const FIELDS = [
  "title",
  "description",
  "brand",
  "categoryId",
  "hsnCode",
  "gstRateBps",
  "tags",
  "imageIds",
  "attributes",
];

function ProductForm({
  product,
  categories,
}: {
  product: SellerProductDto | null;
  categories: FlatCategory[];
}) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [state, setState] = useState<State>(() => stateOf(product));
  const [images, setImages] = useState<ImageItem[]>(() => imagesOf(product));
  const [uploading, setUploading] = useState(false);
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const location = useLocation();
  const [notice, setNotice] = useState<string | null>(
    (location.state as { notice?: string } | null)?.notice ?? null,
  );
  const [stockTarget, setStockTarget] = useState<StockTarget | null>(null);
  const sentKeys = useRef<string[]>([]);
  const archived = product?.status === "archived";

  const options = useMemo(() => toOptions(state.options), [state.options]);
  const rows = useMemo(
    () =>
      combinations(options).map((values) => {
        const key = comboKey(options, values);
        return { key, values, draft: state.rows[key] ?? emptyVariant() };
      }),
    [options, state.rows],
  );
  const orphans = useMemo(() => {
    const live = new Set(rows.map((r) => r.key));
    return Object.entries(state.rows)
      .filter(([key, d]) => d.id && !live.has(key))
      .map(([key, draft]) => ({ key, draft }));
  }, [rows, state.rows]);

  const set =
    <K extends keyof State>(key: K) =>
    (value: State[K]) =>
      setState((s) => ({ ...s, [key]: value }));
  const onRow = useCallback(
    (key: string, patch: Partial<VariantDraft>) =>
      setState((s) => ({
        ...s,
        rows: { ...s.rows, [key]: { ...(s.rows[key] ?? emptyVariant()), ...patch } },
      })),
    [],
  );

  const afterSave = async (dto: SellerProductDto, message: string | null) => {
    queryClient.setQueryData(trpc.seller.products.byId.queryKey({ id: dto.id }), dto);
    await queryClient.invalidateQueries(trpc.seller.products.list.pathFilter());
    setNotice(message);
    if (!product) {
      navigate(`/products/${dto.id}`, { replace: true, state: { notice: message } });
      return;
    }
    // Existing variants now have ids and stock: take the server's version.
    setState((s) => ({ ...s, rows: draftsFromVariants(dto.options, dto.variants) }));
  };

  const save = useMutation({
    onMutate: () => setNotice(null),
    mutationFn: async (then: "save" | "submit") => {
      const built = buildVariants(rows);
      const errors: Record<string, string> = built.ok ? {} : { ...built.errors };
      if (!state.categoryId) errors.categoryId = "Choose a category";
      setLocalErrors(errors);
      if (!built.ok || Object.keys(errors).length > 0)
        throw new Error("Fix the highlighted fields and try again.");
      sentKeys.current = built.keys;
      const payload = {
        title: state.title,
        description: state.description,
        brand: state.brand.trim() || null,
        categoryId: state.categoryId,
        hsnCode: state.hsnCode.trim() || null,
        gstRateBps: Number(state.gstRateBps) as 0 | 500 | 1200 | 1800 | 2800,
        tags: state.tags
          .split(",")
          .map((t) => t.trim())
          .filter(Boolean),
        attributes: Object.fromEntries(
          state.attributes.filter((a) => a.name.trim()).map((a) => [a.name.trim(), a.value.trim()]),
        ),
        options,
        imageIds: images.map((i) => i.mediaId),
        variants: built.variants,
      };
      let dto = product
        ? await client.seller.products.update.mutate({ id: product.id, ...payload })
        : await client.seller.products.create.mutate(payload);
      if (then === "submit") {
        try {
          dto = await client.seller.products.submit.mutate({ id: dto.id });
        } catch (error) {
          // The save went through: keep what was saved (new variants now have ids), then report.
          await afterSave(
            dto,
            product ? null : `Saved as a draft, but not submitted: ${toFormError(error).message}`,
          );
          throw error;
        }
      }
      return dto;
    },
    onSuccess: (dto, then) =>
      afterSave(
        dto,
        then === "submit"
          ? "Submitted for review. We will let you know when it is live."
          : dto.revision?.status === "pending_review" && product?.status === "approved"
            ? "Saved. Your changes to the title, description, images or category wait for review; the live version stays on sale meanwhile."
            : "Saved.",
      ),
  });
  const move = useMutation({
    onMutate: () => setNotice(null),
    mutationFn: (action: "archive" | "restore") =>
      action === "archive"
        ? client.seller.products.archive.mutate({ id: product!.id })
        : client.seller.products.restore.mutate({ id: product!.id }),
    onSuccess: (dto, action) =>
      afterSave(
        dto,
        action === "archive" ? "Archived: customers no longer see it." : "Restored: it is on sale again.",
      ),
  });
  // A failed local check is an Error whose message the alert shows; its cells carry the rest.
  const error = useFormError(save.error ?? move.error);
  const cellErrors = useMemo(
    () => ({
      ...(save.error ? matrixErrors(toFormError(save.error).fieldErrors, sentKeys.current) : {}),
      ...localErrors,
    }),
    [save.error, localErrors],
  );
  const fieldError = (key: string) => localErrors[key] ?? error?.fieldErrors[key];
  const shown = [
    ...FIELDS,
    ...Object.keys(error?.fieldErrors ?? {}).filter((k) => /^(variants\.\d+|options)/.test(k)),
  ];
  const pending = save.isPending || move.isPending;
  const status = product?.status;

  const fillSkus = () =>
    setState((s) => {
      const next = { ...s.rows };
      for (const r of rows)
        if (!r.draft.sku.trim()) next[r.key] = { ...r.draft, sku: suggestSku(s.title, r.values) };
      return { ...s, rows: next };
    });
  const copyFirst = () =>
    setState((s) => {
      const first = rows[0]?.draft;
      if (!first) return s;
      const next = { ...s.rows };
      for (const r of rows.slice(1))
        next[r.key] = { ...r.draft, price: first.price, compareAt: first.compareAt, weight: first.weight };
      return { ...s, rows: next };
    });

  return (
    <Page
      title={product ? product.title : "New product"}
      description={
        product ? (
          <>
            <ProductStatusTags status={product.status} revision={product.revision} />{" "}
            <Link to={`/products/${product.id}/inventory`}>Inventory log</Link>
          </>
        ) : (
          "Save a draft any time; submit it for review when it is ready."
        )
      }
      actions={
        <Link to="/products" className="bz-button bz-button--secondary">
          All products
        </Link>
      }
    >
      {notice && !pending && (
        <Alert tone="success" testId="editor-notice">
          {notice}
        </Alert>
      )}
      {status === "rejected" && (
        <Alert tone="error" title="Not approved">
          {product?.statusReason ?? "No reason given."} Fix it and submit again.
        </Alert>
      )}
      {status === "archived" && (
        <Alert tone="warning" title="Archived">
          Customers cannot see or buy this product. Restore it to edit or sell it again.
        </Alert>
      )}
      {product?.revision && <PendingEdit product={product} categories={categories} />}
      <Form aria-label="Product" testId="product-form" pending={pending} onSubmit={() => save.mutate("save")}>
        <ErrorAlert error={error} fields={shown} />
        <fieldset className="bz-fieldset" disabled={archived}>
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
                  categories={categories}
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
          <Card title="Images">
            <ImageManager
              images={images}
              onChange={setImages}
              max={MAX_IMAGES}
              error={fieldError("imageIds")}
              disabled={archived}
              onBusy={setUploading}
              hideLabel
            />
          </Card>
          <Card title="Options and variants">
            <OptionsEditor
              options={state.options}
              onChange={set("options")}
              error={error}
              disabled={archived}
            />
            <VariantMatrix
              rows={rows}
              orphans={orphans}
              onRow={onRow}
              errors={cellErrors}
              disabled={archived}
              onAdjustStock={product ? setStockTarget : undefined}
              onFillSkus={fillSkus}
              onCopyFirst={copyFirst}
            />
            {!product && (
              <p className="bz-muted bz-small">
                Stock entered here is the starting stock; later changes go through stock adjustments, each
                with a reason.
              </p>
            )}
          </Card>
          <Card title="Tax and attributes">
            <div className="bz-form-row">
              <TextField
                id="hsnCode"
                label="HSN code (optional)"
                inputMode="numeric"
                value={state.hsnCode}
                onValue={set("hsnCode")}
                error={fieldError("hsnCode")}
                hint="4, 6 or 8 digits, for GST invoices."
              />
              <SelectField
                id="gstRateBps"
                label="GST rate"
                options={GST_RATES}
                value={state.gstRateBps}
                onValue={set("gstRateBps")}
                error={fieldError("gstRateBps")}
              />
            </div>
            <div className="bz-mt" />
            <AttributesEditor
              attributes={state.attributes}
              onChange={set("attributes")}
              error={fieldError("attributes")}
            />
          </Card>
        </fieldset>
        <div className="bz-form-actions bz-sticky-actions">
          {status !== "archived" && (
            <Button
              type="submit"
              variant={status === "approved" || status === "pending_review" ? "primary" : "secondary"}
              pending={save.isPending && save.variables === "save"}
              pendingLabel="Saving…"
              disabled={uploading}
            >
              {status === "approved" || status === "pending_review" ? "Save changes" : "Save draft"}
            </Button>
          )}
          {(!product || status === "draft" || status === "rejected") && (
            <Button
              onClick={() => save.mutate("submit")}
              pending={save.isPending && save.variables === "submit"}
              pendingLabel="Submitting…"
              disabled={uploading}
              data-testid="submit-for-review"
            >
              Submit for review
            </Button>
          )}
          {status === "approved" && (
            <Button
              variant="danger"
              onClick={() => move.mutate("archive")}
              pending={move.isPending}
              pendingLabel="Archiving…"
            >
              Archive
            </Button>
          )}
          {status === "archived" && (
            <Button onClick={() => move.mutate("restore")} pending={move.isPending} pendingLabel="Restoring…">
              Restore
            </Button>
          )}
          {uploading && <span className="bz-muted bz-small">Waiting for images to finish uploading…</span>}
        </div>
      </Form>
      {product && (
        <StockDialog target={stockTarget} productId={product.id} onClose={() => setStockTarget(null)} />
      )}
    </Page>
  );
}

let attrKey = 0;

function AttributesEditor(props: {
  attributes: Attribute[];
  onChange: (a: Attribute[]) => void;
  error?: string | undefined;
}) {
  const { attributes, onChange } = props;
  const set = (key: string, patch: Partial<Attribute>) =>
    onChange(attributes.map((a) => (a.key === key ? { ...a, ...patch } : a)));
  return (
    <div className="bz-field">
      <span className="bz-field__label">Attributes</span>
      {attributes.map((a, i) => (
        <div key={a.key} className="bz-options__row">
          <TextField
            id={`attr-${i}-name`}
            label="Name"
            placeholder="Fabric"
            value={a.name}
            onValue={(name) => set(a.key, { name })}
          />
          <TextField
            id={`attr-${i}-value`}
            label="Value"
            placeholder="Cotton"
            value={a.value}
            onValue={(value) => set(a.key, { value })}
          />
          <Button
            variant="secondary"
            className="bz-button--small bz-options__remove"
            onClick={() => onChange(attributes.filter((x) => x.key !== a.key))}
          >
            Remove
          </Button>
        </div>
      ))}
      {props.error ? (
        <p className="bz-field__error">{props.error}</p>
      ) : (
        <p className="bz-field__hint">Facts shown on the product page, such as fabric, length or care.</p>
      )}
      <div>
        <Button
          variant="secondary"
          className="bz-button--small"
          onClick={() => onChange([...attributes, { key: `new-attr-${++attrKey}`, name: "", value: "" }])}
        >
          Add attribute
        </Button>
      </div>
    </div>
  );
}
