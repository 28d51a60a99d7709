import { useFormError, useTRPC } from "@bazaar/client";
import type { CategoryNode } from "@bazaar/schemas";
import { Button, CategorySelect, ErrorAlert, type FlatCategory, Form, TextField } from "@bazaar/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";

/** After any change to the tree: every catalog query (tree, facets, listings) is stale. */
export function useInvalidateCatalog() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries(trpc.catalog.pathFilter());
}

type FormProps = { onDone: (message: string) => void; onCancel: () => void };

/** A new category, at the top level or under `parentId`. */
export function CategoryForm({
  parentId,
  flat,
  onDone,
  onCancel,
}: FormProps & { parentId: string | null; flat: FlatCategory[] }) {
  const trpc = useTRPC();
  const invalidate = useInvalidateCatalog();
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

/** A new name and web address for one category. */
export function RenameForm({ node, onDone, onCancel }: FormProps & { node: CategoryNode }) {
  const trpc = useTRPC();
  const invalidate = useInvalidateCatalog();
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

/** Another parent for a category, never itself or one of its descendants. */
export function MoveForm({
  node,
  flat,
  onDone,
  onCancel,
}: FormProps & { node: CategoryNode; flat: FlatCategory[] }) {
  const trpc = useTRPC();
  const invalidate = useInvalidateCatalog();
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

/** Asks before deleting; the server refuses while products or sub-categories use it. */
export function DeleteForm({ node, onDone, onCancel }: FormProps & { node: CategoryNode }) {
  const trpc = useTRPC();
  const invalidate = useInvalidateCatalog();
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
