import { useFormError, useTRPC, useTRPCClient } from "@bazaar/client";
import type { CategoryNode } from "@bazaar/schemas";
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
  TextField,
} from "@bazaar/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo, useState } from "react";

type Editing =
  | { id: string; mode: "rename" | "child" | "move" | "delete" }
  | { id: null; mode: "child" }
  | null;

/** The category tree: add, rename, move under another parent, reorder, delete. */
export function CategoriesPage() {
  const trpc = useTRPC();
  const tree = useQuery(trpc.catalog.categories.queryOptions());
  const flat = useMemo(() => flattenCategories(tree.data ?? []), [tree.data]);
  const error = useFormError(tree.error);
  const [editing, setEditing] = useState<Editing>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const ctx = { flat, editing, setEditing, onNotice: setNotice };

  return (
    <Page
      title="Categories"
      description="The storefront's category tree. A category that still has products cannot be deleted."
      actions={
        <Button onClick={() => setEditing({ id: null, mode: "child" })} data-testid="add-root-category">
          Add top-level category
        </Button>
      }
    >
      {notice && (
        <Alert tone="success" testId="categories-notice">
          {notice}
        </Alert>
      )}
      <ErrorAlert error={error} />
      <Card>
        {editing?.id === null && (
          <div className="bz-tree__form">
            <CategoryForm
              parentId={null}
              flat={flat}
              onDone={(m) => {
                setEditing(null);
                setNotice(m);
              }}
              onCancel={() => setEditing(null)}
            />
          </div>
        )}
        {tree.isPending ? (
          <Loading />
        ) : tree.data?.length ? (
          <Tree nodes={tree.data} ctx={ctx} root />
        ) : (
          <p className="bz-empty">No categories yet.</p>
        )}
      </Card>
    </Page>
  );
}

type Ctx = {
  flat: FlatCategory[];
  editing: Editing;
  setEditing: (e: Editing) => void;
  onNotice: (message: string | null) => void;
};

function Tree({ nodes, ctx, root }: { nodes: CategoryNode[]; ctx: Ctx; root?: boolean }) {
  return (
    <ul className="bz-tree" data-testid={root ? "category-tree" : undefined}>
      {nodes.map((node, i) => (
        <TreeNode key={node.id} node={node} siblings={nodes} index={i} ctx={ctx} />
      ))}
    </ul>
  );
}

function useInvalidate() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries(trpc.catalog.pathFilter());
}

function TreeNode({
  node,
  siblings,
  index,
  ctx,
}: {
  node: CategoryNode;
  siblings: CategoryNode[];
  index: number;
  ctx: Ctx;
}) {
  const client = useTRPCClient();
  const invalidate = useInvalidate();
  const mode = ctx.editing?.id === node.id ? ctx.editing.mode : null;
  const close = () => ctx.setEditing(null);
  const done = (message: string) => {
    close();
    ctx.onNotice(message);
  };
  // Reordering writes every sibling's position, so the order no longer depends on names.
  const reorder = useMutation({
    mutationFn: async (to: number) => {
      const order = siblings.map((s) => s.id);
      order.splice(index, 1);
      order.splice(to, 0, node.id);
      const changed = order
        .map((id, position) => ({ id, position }))
        .filter(({ id, position }) => siblings.find((s) => s.id === id)?.position !== position);
      for (const c of changed) await client.admin.categories.update.mutate(c);
    },
    onSuccess: invalidate,
  });
  const reorderError = useFormError(reorder.error);
  const open = (m: "rename" | "child" | "move" | "delete") => {
    ctx.onNotice(null);
    ctx.setEditing({ id: node.id, mode: m });
  };

  return (
    <li className="bz-tree__node" data-testid="category">
      <div className="bz-tree__row">
        <div className="bz-row__main">
          <strong>{node.name}</strong> <span className="bz-muted bz-small bz-mono">{node.slug}</span>
        </div>
        <div className="bz-tree__actions">
          <Button
            variant="secondary"
            className="bz-button--small"
            aria-label={`Move ${node.name} up`}
            disabled={index === 0 || reorder.isPending}
            onClick={() => reorder.mutate(index - 1)}
          >
            ↑
          </Button>
          <Button
            variant="secondary"
            className="bz-button--small"
            aria-label={`Move ${node.name} down`}
            disabled={index === siblings.length - 1 || reorder.isPending}
            onClick={() => reorder.mutate(index + 1)}
          >
            ↓
          </Button>
          <Button variant="secondary" className="bz-button--small" onClick={() => open("rename")}>
            Rename
          </Button>
          <Button variant="secondary" className="bz-button--small" onClick={() => open("child")}>
            Add child
          </Button>
          <Button variant="secondary" className="bz-button--small" onClick={() => open("move")}>
            Move
          </Button>
          <Button variant="danger" className="bz-button--small" onClick={() => open("delete")}>
            Delete
          </Button>
        </div>
      </div>
      {reorderError && <ErrorAlert error={reorderError} />}
      {mode && (
        <div className="bz-tree__form">
          {mode === "rename" && <RenameForm node={node} onDone={done} onCancel={close} />}
          {mode === "child" && (
            <CategoryForm parentId={node.id} flat={ctx.flat} onDone={done} onCancel={close} />
          )}
          {mode === "move" && <MoveForm node={node} flat={ctx.flat} onDone={done} onCancel={close} />}
          {mode === "delete" && <DeleteForm node={node} onDone={done} onCancel={close} />}
        </div>
      )}
      {node.children.length > 0 && <Tree nodes={node.children} ctx={ctx} />}
    </li>
  );
}

type FormProps = { onDone: (message: string) => void; onCancel: () => void };

function CategoryForm({
  parentId,
  flat,
  onDone,
  onCancel,
}: FormProps & { parentId: string | null; flat: FlatCategory[] }) {
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  const [name, setName] = useState("");
  const [slug, setSlug] = useState("");
  const create = useMutation(
    trpc.admin.categories.create.mutationOptions({
      onSuccess: async (c) => {
        await invalidate();
        onDone(`Added ${c.name}.`);
      },
    }),
  );
  const error = useFormError(create.error);
  const parent = flat.find((c) => c.id === parentId);
  return (
    <Form
      aria-label={parent ? `New category under ${parent.name}` : "New top-level category"}
      pending={create.isPending}
      onSubmit={() => create.mutate({ name, parentId, ...(slug.trim() && { slug }) })}
    >
      <ErrorAlert error={error} fields={["name", "slug"]} />
      <div className="bz-form-row">
        <TextField
          id="category-name"
          label={parent ? `New category under ${parent.path}` : "Name"}
          value={name}
          onValue={setName}
          error={error?.fieldErrors.name}
          autoFocus
        />
        <TextField
          id="category-slug"
          label="Web address (optional)"
          value={slug}
          onValue={setSlug}
          error={error?.fieldErrors.slug}
          hint="Made from the name if empty."
        />
      </div>
      <div className="bz-form-actions">
        <Button type="submit" pending={create.isPending} pendingLabel="Adding…">
          Add category
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </Form>
  );
}

function RenameForm({ node, onDone, onCancel }: FormProps & { node: CategoryNode }) {
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  const [name, setName] = useState(node.name);
  const [slug, setSlug] = useState(node.slug);
  const update = useMutation(
    trpc.admin.categories.update.mutationOptions({
      onSuccess: async () => {
        await invalidate();
        onDone(`Saved ${name}.`);
      },
    }),
  );
  const error = useFormError(update.error);
  return (
    <Form
      aria-label={`Rename ${node.name}`}
      pending={update.isPending}
      onSubmit={() => update.mutate({ id: node.id, name, slug })}
    >
      <ErrorAlert error={error} fields={["name", "slug"]} />
      <div className="bz-form-row">
        <TextField
          id={`rename-${node.id}`}
          label="Name"
          value={name}
          onValue={setName}
          error={error?.fieldErrors.name}
          autoFocus
        />
        <TextField
          id={`slug-${node.id}`}
          label="Web address"
          value={slug}
          onValue={setSlug}
          error={error?.fieldErrors.slug}
          hint="Changing it breaks links to the old address."
        />
      </div>
      <div className="bz-form-actions">
        <Button type="submit" pending={update.isPending} pendingLabel="Saving…">
          Save
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </Form>
  );
}

function MoveForm({
  node,
  flat,
  onDone,
  onCancel,
}: FormProps & { node: CategoryNode; flat: FlatCategory[] }) {
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  const [parentId, setParentId] = useState(node.parentId ?? "");
  const update = useMutation(
    trpc.admin.categories.update.mutationOptions({
      onSuccess: async () => {
        await invalidate();
        onDone(`Moved ${node.name} under ${flat.find((c) => c.id === parentId)?.path ?? "the top level"}.`);
      },
    }),
  );
  const error = useFormError(update.error);
  const subtree = flat.find((c) => c.id === node.id)?.subtree ?? [node.id];
  return (
    <Form
      aria-label={`Move ${node.name}`}
      pending={update.isPending}
      onSubmit={() => update.mutate({ id: node.id, parentId: parentId || null })}
    >
      <ErrorAlert error={error} fields={["parentId"]} />
      <CategorySelect
        id={`parent-${node.id}`}
        label={`Move ${node.name} under`}
        placeholder="Top level (no parent)"
        categories={flat}
        exclude={subtree}
        value={parentId}
        onValue={setParentId}
        error={error?.fieldErrors.parentId}
      />
      <div className="bz-form-actions">
        <Button type="submit" pending={update.isPending} pendingLabel="Moving…">
          Move
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </Form>
  );
}

function DeleteForm({ node, onDone, onCancel }: FormProps & { node: CategoryNode }) {
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  const remove = useMutation(
    trpc.admin.categories.delete.mutationOptions({
      onSuccess: async () => {
        await invalidate();
        onDone(`Deleted ${node.name}.`);
      },
    }),
  );
  const error = useFormError(remove.error);
  return (
    <div className="bz-stack" data-testid="delete-category">
      {/* The server refuses when products (or sub-categories) still use it, and says why. */}
      <ErrorAlert error={error} />
      <div className="bz-form-actions">
        <span>
          Delete <strong>{node.name}</strong>?
        </span>
        <Button
          variant="danger"
          className="bz-button--small"
          pending={remove.isPending}
          pendingLabel="Deleting…"
          onClick={() => remove.mutate({ id: node.id })}
        >
          Delete
        </Button>
        <Button variant="secondary" className="bz-button--small" onClick={onCancel}>
          {error ? "Close" : "Keep"}
        </Button>
      </div>
    </div>
  );
}
