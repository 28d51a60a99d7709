import { useSearchParams } from "react-router";

/** `?status=` read through the list's status schema: a valid status, or "" (all) for none or an unknown one. */
export function useStatusParam<S extends string>(schema: {
  safeParse: (value: unknown) => { success: true; data: S } | { success: false };
}): S | "" {
  const [params] = useSearchParams();
  const parsed = schema.safeParse(params.get("status") ?? undefined);
  return parsed.success ? parsed.data : "";
}
