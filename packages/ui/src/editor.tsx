import { Fragment, type ReactNode, useEffect, useRef, useState } from "react";
import { Alert } from "./form";
import { Card } from "./layout";

/**
 * A list page's inline editor: which item's form is open (`"new"` for a blank one) and the
 * notice the last save or action left. Opening a form clears the notice.
 */
export function useEditor<T>() {
  const [editing, setEditing] = useState<"new" | T | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const formTop = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (editing) formTop.current?.scrollIntoView({ block: "start" });
  }, [editing]);
  return {
    editing,
    notice,
    setNotice,
    formTop,
    open: (target: "new" | T) => {
      setNotice(null);
      setEditing(target);
    },
    close: () => setEditing(null),
    /** The form saved: close it and say so. */
    done: (message: string) => {
      setEditing(null);
      setNotice(message);
    },
  };
}

export type Editor<T> = ReturnType<typeof useEditor<T>>;

/** The editor's success notice, then its open form in a card, scrolled into view as it opens. */
export function EditorCard<T extends { id: string }>(props: {
  editor: Editor<T>;
  noticeTestId: string;
  /** The card's title; `item` is absent for a new one. */
  title: (item: T | undefined) => string;
  /** The form, given fresh (remounted) for each item. */
  children: (item: T | undefined) => ReactNode;
}) {
  const { editing, notice, formTop } = props.editor;
  const item = editing === "new" || editing === null ? undefined : editing;
  return (
    <>
      {notice && (
        <Alert tone="success" testId={props.noticeTestId}>
          {notice}
        </Alert>
      )}
      <div ref={formTop}>
        {editing && (
          <Card title={props.title(item)}>
            <Fragment key={item ? item.id : "new"}>{props.children(item)}</Fragment>
          </Card>
        )}
      </div>
    </>
  );
}
