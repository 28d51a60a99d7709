import { useFormError, useTRPC } from "@bazaar/client";
import { Alert, Button, Card, ErrorAlert, flattenCategories, Loading, Page } from "@bazaar/ui";
import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { CategoryForm } from "./category-forms";
import { CategoryTree, type Editing } from "./category-tree";

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
          <CategoryTree nodes={tree.data} ctx={ctx} root />
        ) : (
          <p className="bz-empty">No categories yet.</p>
        )}
      </Card>
    </Page>
  );
}
