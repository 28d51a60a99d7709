import { formatRupees } from "@bazaar/client/format";
import type { CategoryNode, ProductStatus, SellerProductDto } from "@bazaar/schemas";
import type { ReactNode } from "react";
import { SelectField } from "./form";
import { discountPercent } from "./money";

export type FlatCategory = {
  id: string;
  name: string;
  slug: string;
  parentId: string | null;
  depth: number;
  /** "Women › Sarees" */
  path: string;
  /** Ids of this category and everything under it. */
  subtree: string[];
};

/** The tree as a list in display order, each entry knowing its depth, path and subtree. */
export function flattenCategories(tree: readonly CategoryNode[]): FlatCategory[] {
  const out: FlatCategory[] = [];
  const walk = (nodes: readonly CategoryNode[], depth: number, prefix: string): string[] => {
    const ids: string[] = [];
    for (const node of nodes) {
      const path = prefix ? `${prefix} › ${node.name}` : node.name;
      const entry: FlatCategory = {
        id: node.id,
        name: node.name,
        slug: node.slug,
        parentId: node.parentId,
        depth,
        path,
        subtree: [node.id],
      };
      out.push(entry);
      entry.subtree.push(...walk(node.children, depth + 1, path));
      ids.push(...entry.subtree);
    }
    return ids;
  };
  walk(tree, 0, "");
  return out;
}

type CategorySelectProps = {
  id: string;
  label: string;
  categories: readonly FlatCategory[];
  value: string;
  onValue: (id: string) => void;
  error?: string | undefined;
  hint?: string;
  placeholder?: string;
  /** Ids that may not be chosen (a category cannot move under itself). */
  exclude?: readonly string[];
};

/** A select over the category tree, each option labelled with its full path. */
export function CategorySelect({ categories, exclude = [], placeholder, ...props }: CategorySelectProps) {
  return (
    <SelectField
      {...props}
      placeholder={placeholder ?? "Choose a category"}
      options={categories.filter((c) => !exclude.includes(c.id)).map((c) => ({ value: c.id, label: c.path }))}
    />
  );
}

const STATUS: Record<ProductStatus, { label: string; tone: string }> = {
  draft: { label: "Draft", tone: "" },
  pending_review: { label: "Pending review", tone: "bz-tag--warning" },
  approved: { label: "Approved", tone: "bz-tag--accent" },
  rejected: { label: "Rejected", tone: "bz-tag--danger" },
  archived: { label: "Archived", tone: "bz-tag--muted" },
};

export const productStatusLabel = (status: ProductStatus) => STATUS[status].label;

/** A product's status chip, plus "Edit pending" / "Edit rejected" when a revision waits. */
export function ProductStatusTags(props: {
  status: ProductStatus;
  revision?: { status: "pending_review" | "rejected" } | null;
}) {
  const s = STATUS[props.status];
  return (
    <span className="bz-tags">
      <span className={`bz-tag ${s.tone}`} data-testid="product-status">
        {s.label}
      </span>
      {props.revision?.status === "pending_review" && (
        <span className="bz-tag bz-tag--info" data-testid="revision-status">
          Edit pending
        </span>
      )}
      {props.revision?.status === "rejected" && (
        <span className="bz-tag bz-tag--danger" data-testid="revision-status">
          Edit rejected
        </span>
      )}
    </span>
  );
}

/** "₹899 ₹1,299 30% off", or "₹499 – ₹899" for a range. */
export function Price(props: {
  price: number;
  maxPrice?: number;
  compareAt?: number | null;
  size?: "normal" | "large";
  testId?: string;
}) {
  const off =
    props.maxPrice && props.maxPrice !== props.price ? null : discountPercent(props.price, props.compareAt);
  return (
    <span
      className={`bz-price${props.size === "large" ? " bz-price--large" : ""}`}
      data-testid={props.testId}
    >
      <span className="bz-price__now">
        {formatRupees(props.price)}
        {props.maxPrice && props.maxPrice !== props.price ? ` – ${formatRupees(props.maxPrice)}` : ""}
      </span>
      {off !== null && props.compareAt && (
        <>
          <s className="bz-price__was">
            <span className="bz-visually-hidden">was </span>
            {formatRupees(props.compareAt)}
          </s>
          <span className="bz-price__off">{off}% off</span>
        </>
      )}
    </span>
  );
}

type Revision = NonNullable<SellerProductDto["revision"]>;
type CompareRow = { field: string; live: ReactNode; proposed: ReactNode };

const Thumbs = ({ images }: { images: readonly { url: string }[] }) =>
  images.length === 0 ? (
    <span className="bz-muted">No images</span>
  ) : (
    <span className="bz-compare__thumbs">
      {images.map((img, i) => (
        <img
          key={img.url}
          src={img.url}
          alt={`View ${i + 1} of ${images.length}`}
          className="bz-thumb bz-thumb--small"
        />
      ))}
    </span>
  );

const Text = ({ text }: { text: string }) =>
  text ? <span className="bz-compare__text">{text}</span> : <span className="bz-muted">(empty)</span>;

/**
 * The live product beside its proposed edit: only the fields the edit changes, each
 * marked. Sellers see it on their editor; moderators decide on it.
 */
export function RevisionCompare(props: {
  product: Pick<SellerProductDto, "title" | "description" | "categoryId" | "images">;
  revision: Revision;
  categories: readonly FlatCategory[];
}) {
  const { product: p, revision: r } = props;
  const category = (id: string) => props.categories.find((c) => c.id === id)?.path ?? "Unknown category";
  const rows: CompareRow[] = [];
  if (r.title !== undefined)
    rows.push({ field: "Title", live: <Text text={p.title} />, proposed: <Text text={r.title} /> });
  if (r.description !== undefined)
    rows.push({
      field: "Description",
      live: <Text text={p.description} />,
      proposed: <Text text={r.description} />,
    });
  if (r.categoryId !== undefined)
    rows.push({ field: "Category", live: category(p.categoryId), proposed: category(r.categoryId) });
  if (r.images !== undefined)
    rows.push({
      field: "Images",
      live: <Thumbs images={p.images} />,
      proposed: <Thumbs images={r.images} />,
    });
  if (rows.length === 0) return <p className="bz-muted">The edit changes nothing that needs review.</p>;
  return (
    <div className="bz-table-wrap">
      <table className="bz-table bz-compare" data-testid="revision-compare">
        <thead>
          <tr>
            <th scope="col">
              <span className="bz-visually-hidden">Field</span>
            </th>
            <th scope="col">Live now</th>
            <th scope="col">Proposed</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.field} data-testid={`compare-${row.field.toLowerCase()}`}>
              <th scope="row">{row.field}</th>
              <td className="bz-compare__live">{row.live}</td>
              <td className="bz-compare__proposed">{row.proposed}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
