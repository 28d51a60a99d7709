import { useFormError, useTRPCClient } from "@bazaar/client";
import type { CategoryNode } from "@bazaar/schemas";
import { Button, ErrorAlert, type FlatCategory } from "@bazaar/ui";
import { useMutation } from "@tanstack/react-query";
import { CategoryForm, DeleteForm, MoveForm, RenameForm, useInvalidateCatalog } from "./category-forms";

type Mode = "rename" | "child" | "move" | "delete";

/** Which form is open, on which category: one at a time across the whole tree. */
export type Editing = { id: string; mode: Mode } | { id: null; mode: "child" } | null;

export type TreeContext = {
  flat: FlatCategory[];
  editing: Editing;
  setEditing: (e: Editing) => void;
  onNotice: (message: string | null) => void;
};

export function CategoryTree({
  nodes,
  ctx,
  root,
}: {
  nodes: CategoryNode[];
  ctx: TreeContext;
  root?: boolean;
}) {
  return (
    <ul className="bz-tree" data-testid={root ? "category-tree" : undefined}>
      {nodes.map((node, i) => (
        <TreeNode key={node.id} node={node} siblings={nodes} index={i} ctx={ctx} />
      ))}
    </ul>
  );
}

function TreeNode(props: { node: CategoryNode; siblings: CategoryNode[]; index: number; ctx: TreeContext }) {
  const { node, ctx } = props;
  const reorder = useReorder(props);
  const reorderError = useFormError(reorder.error);
  const mode = ctx.editing?.id === node.id ? ctx.editing.mode : null;
  const close = () => ctx.setEditing(null);
  const done = (message: string) => {
    close();
    ctx.onNotice(message);
  };
  const open = (m: Mode) => {
    ctx.onNotice(null);
    ctx.setEditing({ id: node.id, mode: m });
  };

  return (
    <li className="bz-tree__node" data-testid="category">
      <div className="bz-tree__row">
        <div className="bz-row__main">
          <strong>{node.name}</strong> <span className="bz-muted bz-small bz-mono">{node.slug}</span>
        </div>
        <NodeActions
          name={node.name}
          canMoveUp={props.index > 0}
          canMoveDown={props.index < props.siblings.length - 1}
          reordering={reorder.isPending}
          onReorder={(delta) => reorder.mutate(props.index + delta)}
          onOpen={open}
        />
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
      {node.children.length > 0 && <CategoryTree nodes={node.children} ctx={ctx} />}
    </li>
  );
}

/** Moves a category to position `to` among its siblings. */
function useReorder({
  node,
  siblings,
  index,
}: {
  node: CategoryNode;
  siblings: CategoryNode[];
  index: number;
}) {
  const client = useTRPCClient();
  const invalidate = useInvalidateCatalog();
  // Reordering writes every sibling's position, so the order no longer depends on names.
  return useMutation({
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
}

function NodeActions(props: {
  name: string;
  canMoveUp: boolean;
  canMoveDown: boolean;
  reordering: boolean;
  onReorder: (delta: -1 | 1) => void;
  onOpen: (mode: Mode) => void;
}) {
  const { name, onOpen } = props;
  return (
    <div className="bz-tree__actions">
      <Button
        variant="secondary"
        className="bz-button--small"
        aria-label={`Move ${name} up`}
        disabled={!props.canMoveUp || props.reordering}
        onClick={() => props.onReorder(-1)}
      >
        ↑
      </Button>
      <Button
        variant="secondary"
        className="bz-button--small"
        aria-label={`Move ${name} down`}
        disabled={!props.canMoveDown || props.reordering}
        onClick={() => props.onReorder(1)}
      >
        ↓
      </Button>
      <Button variant="secondary" className="bz-button--small" onClick={() => onOpen("rename")}>
        Rename
      </Button>
      <Button variant="secondary" className="bz-button--small" onClick={() => onOpen("child")}>
        Add child
      </Button>
      <Button variant="secondary" className="bz-button--small" onClick={() => onOpen("move")}>
        Move
      </Button>
      <Button variant="danger" className="bz-button--small" onClick={() => onOpen("delete")}>
        Delete
      </Button>
    </div>
  );
}
