import type { TwoFactorEnrolmentDto } from "@bazaar/schemas";
import { useState } from "react";
import { Alert, Button } from "./form";

/** The QR code to scan and, for apps that cannot scan, the key to type. */
export function AuthenticatorSetup({ enrolment }: { enrolment: TwoFactorEnrolmentDto }) {
  const grouped = enrolment.secret.match(/.{1,4}/g)?.join(" ") ?? enrolment.secret;
  return (
    <div className="bz-two-factor-setup" data-testid="authenticator-setup">
      <ol className="bz-muted">
        <li>Open an authenticator app (Google Authenticator, Microsoft Authenticator, 1Password, Authy…).</li>
        <li>Scan this QR code, or enter the key by hand.</li>
        <li>Type the 6-digit code the app shows.</li>
      </ol>
      <img
        src={enrolment.qrDataUrl}
        alt={`QR code for ${enrolment.issuer} (${enrolment.accountName})`}
        width={200}
        height={200}
        data-testid="totp-qr"
      />
      <p>
        Key for {enrolment.accountName}: <code data-testid="totp-secret">{grouped}</code>
      </p>
    </div>
  );
}

/**
 * Recovery codes, shown once: each signs in once when the phone is lost. Copy and download
 * are offered because the server keeps only their hashes.
 */
export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone?: () => void }) {
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  const text = `Bazaar recovery codes (each works once)\n\n${codes.join("\n")}\n`;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied("yes");
    } catch {
      setCopied("failed");
    }
  };
  const download = () => {
    const url = URL.createObjectURL(new Blob([text], { type: "text/plain" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = "bazaar-recovery-codes.txt";
    a.click();
    URL.revokeObjectURL(url);
  };
  return (
    <div data-testid="recovery-codes">
      <Alert tone="warning" title="Save your recovery codes now">
        Each code signs you in once if you lose your phone. They will not be shown again.
      </Alert>
      <ul className="bz-recovery-codes">
        {codes.map((c) => (
          <li key={c}>
            <code>{c}</code>
          </li>
        ))}
      </ul>
      <div className="bz-actions">
        <Button variant="secondary" onClick={copy}>
          Copy
        </Button>
        <Button variant="secondary" onClick={download}>
          Download
        </Button>
        {onDone && (
          <Button onClick={onDone} data-testid="recovery-codes-done">
            I have saved them
          </Button>
        )}
      </div>
      {copied === "yes" && <p className="bz-muted">Copied.</p>}
      {copied === "failed" && (
        <p className="bz-muted">Could not copy: select the codes and copy them by hand.</p>
      )}
    </div>
  );
}
