import { useAuth } from "@bazaar/client";
import { Link } from "react-router";
import { SignInLink } from "../reports/sign-in-link";
import { newConversationHref, type StartState } from "./start-params";

/**
 * "Message the seller" beside a product or one shop's part of an order: opens the
 * conversation about it (or starts one). Signed out, it goes to sign in and back.
 */
export function MessageSellerLink(props: {
  subject: { productId: string } | { subOrderId: string };
  shopName: string;
  about: string;
  className?: string;
}) {
  const { status, user } = useAuth();
  const label = `Message ${props.shopName}`;
  if (status !== "signedIn")
    return (
      <SignInLink className={props.className ?? "bz-small"}>
        {label}
        <span className="bz-visually-hidden"> (sign in first)</span>
      </SignInLink>
    );
  if (user?.role !== "customer") return null;
  const state: StartState = { shopName: props.shopName, about: props.about };
  return (
    <Link
      to={newConversationHref(props.subject)}
      state={state}
      className={props.className ?? "bz-button bz-button--secondary bz-button--small"}
      data-testid="message-seller"
    >
      {label}
    </Link>
  );
}
