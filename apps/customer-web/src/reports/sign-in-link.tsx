import type { ReactNode } from "react";
import { Link, useLocation } from "react-router";

/** "Sign in to …": to the sign-in page, which brings the user back here afterwards. */
export function SignInLink({ children, className }: { children: ReactNode; className?: string }) {
  const location = useLocation();
  return (
    <Link to="/login" state={{ from: location }} className={className ?? "bz-small"}>
      {children}
    </Link>
  );
}
