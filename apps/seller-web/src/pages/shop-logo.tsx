import { toFormError, useTRPC, useUploadMedia } from "@bazaar/client";
import type { SellerDto } from "@bazaar/schemas";
import { Button } from "@bazaar/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";

/** Uploads a new logo and saves it to the shop at once. */
export function LogoUpload({ seller, onNotice }: { seller: SellerDto; onNotice: (message: string) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const upload = useUploadMedia();
  const inputId = useId();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const save = useMutation(
    trpc.sellers.updateProfile.mutationOptions({
      onSuccess: (updated) => {
        queryClient.setQueryData(trpc.sellers.mine.queryKey(), updated);
        onNotice("Logo saved.");
      },
    }),
  );

  const choose = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    setBusy(true);
    try {
      const media = await upload(file);
      await save.mutateAsync({ logoMediaId: media.id });
    } catch (e) {
      const f = toFormError(e);
      setError(f.fieldErrors.file ?? f.fieldErrors.logoMediaId ?? f.message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="bz-media-row">
      {seller.logoUrl ? (
        <img
          src={seller.logoUrl}
          alt={`${seller.shopName} logo`}
          className="bz-logo"
          data-testid="shop-logo"
        />
      ) : (
        <span className="bz-logo bz-logo--empty" aria-hidden="true">
          {seller.shopName.slice(0, 1)}
        </span>
      )}
      <div className="bz-stack">
        <div className="bz-form-actions">
          <label
            htmlFor={inputId}
            className={`bz-button bz-button--secondary${busy ? " bz-button--disabled" : ""}`}
          >
            {busy ? "Uploading…" : seller.logoUrl ? "Change logo" : "Upload logo"}
          </label>
          <input
            id={inputId}
            type="file"
            accept="image/jpeg,image/png,image/webp"
            className="bz-visually-hidden"
            disabled={busy}
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = "";
              void choose(file);
            }}
          />
          {seller.logoUrl && (
            <Button
              variant="link"
              disabled={busy || save.isPending}
              onClick={() => save.mutate({ logoMediaId: null })}
            >
              Remove logo
            </Button>
          )}
        </div>
        {error ? (
          <p className="bz-field__error" role="alert">
            {error}
          </p>
        ) : (
          <p className="bz-field__hint">A square JPEG, PNG or WebP image, up to 5 MB.</p>
        )}
      </div>
    </div>
  );
}
