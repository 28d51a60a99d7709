import { useFormError, useTRPC } from "@bazaar/client";
import type { WishlistItemDto } from "@bazaar/schemas";
import { Alert, Button, Card, ErrorAlert, Loading, LoadMore, Page, Price } from "@bazaar/ui";
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { Link } from "react-router";
import { useCartChanged } from "../cart/use-cart";

const PAGE_SIZE = 20;

const productHref = (item: WishlistItemDto) =>
  `/p/${item.slug}${item.variantId ? `?variant=${item.variantId}` : ""}`;

/** `/wishlist`: products the customer saved, to buy later or share. */
export function WishlistPage() {
  const trpc = useTRPC();
  const list = useInfiniteQuery(
    trpc.wishlist.list.infiniteQueryOptions(
      { limit: PAGE_SIZE },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
  const error = useFormError(list.error);
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const [notice, setNotice] = useState<ReactNode>(null);

  return (
    <Page title="Your wishlist" description="Products you saved for later.">
      {notice && (
        <Alert tone="success" testId="wishlist-notice">
          {notice}
        </Alert>
      )}
      <Card>
        {list.isPending ? (
          <Loading />
        ) : list.error ? (
          <ErrorAlert error={error} />
        ) : rows.length === 0 ? (
          <p className="bz-empty">
            Your wishlist is empty. Use “Save to wishlist” on a product to keep it here.
          </p>
        ) : (
          <ul className="bz-list" data-testid="wishlist">
            {rows.map((item) => (
              <WishlistRow key={item.productId} item={item} onNotice={setNotice} />
            ))}
          </ul>
        )}
        <LoadMore query={list} />
      </Card>
      <ShareCard />
    </Page>
  );
}

/** Picture, title, price and stock of a saved product; shared with the public wishlist page. */
export function WishlistItemSummary({ item, children }: { item: WishlistItemDto; children?: ReactNode }) {
  const differs = item.price !== null && item.regularPrice !== null && item.regularPrice !== item.price;
  return (
    <div className="bz-media-row bz-row__main">
      {item.imageUrl ? (
        <img src={item.imageUrl} alt="" className="bz-thumb bz-thumb--small" />
      ) : (
        <span className="bz-thumb bz-thumb--small bz-thumb--empty" aria-hidden="true" />
      )}
      <div>
        <Link to={productHref(item)}>
          <strong>{item.title}</strong>
        </Link>
        <div>
          {item.price !== null && <Price price={item.price} compareAt={differs ? item.regularPrice : null} />}
        </div>
        <div className="bz-small" data-testid="wishlist-stock">
          {!item.available ? (
            <span className="bz-tag bz-tag--danger">Unavailable</span>
          ) : item.inStock ? (
            <span className="bz-text-success">In stock</span>
          ) : (
            <span className="bz-text-danger">Out of stock</span>
          )}
        </div>
        {children}
      </div>
    </div>
  );
}

function WishlistRow({ item, onNotice }: { item: WishlistItemDto; onNotice: (notice: ReactNode) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const cartChanged = useCartChanged();
  const refresh = () => queryClient.invalidateQueries(trpc.wishlist.list.pathFilter());
  const move = useMutation(
    trpc.wishlist.moveToCart.mutationOptions({
      onSuccess: async (cart) => {
        onNotice(
          <>
            Moved {item.title} to your cart. <Link to="/cart">View cart</Link>
          </>,
        );
        await Promise.all([cartChanged(cart), refresh()]);
      },
    }),
  );
  const remove = useMutation(
    trpc.wishlist.remove.mutationOptions({
      onSuccess: async () => {
        onNotice(`Removed ${item.title} from your wishlist.`);
        await refresh();
      },
    }),
  );
  const error = useFormError(move.error ?? remove.error);
  const busy = move.isPending || remove.isPending;
  const buyable = item.available && item.inStock;
  return (
    <li className="bz-row" data-testid="wishlist-item">
      <WishlistItemSummary item={item}>
        {error?.reason === "wishlist.choose_variant" ? (
          <p className="bz-field__error" data-testid="choose-variant">
            {error.message}: <Link to={`/p/${item.slug}`}>choose on the product page</Link>.
          </p>
        ) : error ? (
          <p className="bz-field__error">{error.message}</p>
        ) : null}
      </WishlistItemSummary>
      <div className="bz-form-actions">
        <Button
          className="bz-button--small"
          onClick={() => move.mutate({ productId: item.productId })}
          disabled={busy || !buyable}
          pending={move.isPending}
          pendingLabel="Moving…"
          data-testid="move-to-cart"
        >
          Move to cart
        </Button>
        <Button
          variant="secondary"
          className="bz-button--small"
          onClick={() => remove.mutate({ productId: item.productId })}
          disabled={busy}
          pending={remove.isPending}
          pendingLabel="Removing…"
          data-testid="remove-from-wishlist"
        >
          Remove
        </Button>
      </div>
    </li>
  );
}

/**
 * A public link to the wishlist: a live one is shown at once, asking again gives the same
 * link, and stopping turns it off for everyone who has it.
 */
function ShareCard() {
  const trpc = useTRPC();
  const [copied, setCopied] = useState(false);
  const queryClient = useQueryClient();
  // A link shared on an earlier visit is shown straight away.
  const status = useQuery(trpc.wishlist.status.queryOptions());
  const refresh = () => queryClient.invalidateQueries(trpc.wishlist.status.pathFilter());
  const share = useMutation(
    trpc.wishlist.share.mutationOptions({ onMutate: () => setCopied(false), onSuccess: refresh }),
  );
  const unshare = useMutation(
    trpc.wishlist.unshare.mutationOptions({
      onSuccess: async () => {
        share.reset();
        await refresh();
      },
    }),
  );
  const error = useFormError(share.error ?? unshare.error);
  const token = share.data?.token ?? status.data?.shareToken ?? null;
  const link = token ? `${window.location.origin}/wishlist/shared/${token}` : null;
  const copy = async () => {
    if (!link) return;
    try {
      await navigator.clipboard.writeText(link);
      setCopied(true);
    } catch {
      // No clipboard (an insecure origin): the link is selected for the customer to copy.
      document.querySelector<HTMLInputElement>("#share-link")?.select();
    }
  };

  return (
    <Card title="Share your wishlist" testId="wishlist-share">
      <ErrorAlert error={error} />
      {link ? (
        <div className="bz-stack">
          <p className="bz-muted">
            Anyone with this link sees the products on your wishlist, but not your name or anything else about
            you.
          </p>
          <div className="bz-copy">
            <input
              id="share-link"
              className="bz-input"
              readOnly
              value={link}
              aria-label="Link to your wishlist"
              onFocus={(e) => e.target.select()}
              data-testid="share-link"
            />
            <Button variant="secondary" onClick={copy}>
              {copied ? "Copied" : "Copy"}
            </Button>
          </div>
          <div className="bz-form-actions">
            <Button
              variant="danger"
              className="bz-button--small"
              onClick={() => unshare.mutate()}
              pending={unshare.isPending}
              pendingLabel="Stopping…"
              data-testid="stop-sharing"
            >
              Stop sharing
            </Button>
          </div>
        </div>
      ) : (
        <div className="bz-stack">
          {unshare.isSuccess && (
            <Alert tone="success" testId="share-stopped">
              Sharing stopped: the link no longer works.
            </Alert>
          )}
          <p className="bz-muted">Get a link to send to family and friends.</p>
          <div className="bz-form-actions">
            <Button
              variant="secondary"
              onClick={() => share.mutate()}
              pending={share.isPending}
              pendingLabel="Getting link…"
              data-testid="share-wishlist"
            >
              Get a link
            </Button>
          </div>
        </div>
      )}
    </Card>
  );
}
