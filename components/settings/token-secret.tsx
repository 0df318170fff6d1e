"use client";

import { useEffect, useRef, useState } from "react";

import { Button } from "@/components/ui/button";
import type { CreatedToken } from "@/lib/tokens/views";

/** The new token's secret, shown this once with a copy button. */
export function TokenSecret({ created, onDone }: { created: CreatedToken; onDone: () => void }) {
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  async function copy() {
    try {
      await navigator.clipboard.writeText(created.secret);
      setCopied("yes");
    } catch {
      setCopied("failed");
    }
  }

  return (
    <div className="mb-4 rounded-lg border border-amber-300 bg-amber-50 p-4" data-testid="token-secret">
      <h3 ref={heading} tabIndex={-1} className="text-sm font-semibold text-amber-900">
        Token “<span dir="auto">{created.token.name}</span>” created
      </h3>
      <p className="mt-1 text-sm text-amber-900">Copy the secret now: it is not stored and will not be shown again.</p>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <label htmlFor="token-secret-value" className="sr-only">
          Token secret
        </label>
        <input
          id="token-secret-value"
          readOnly
          value={created.secret}
          onFocus={(event) => event.currentTarget.select()}
          className="input min-w-0 flex-1 font-mono text-xs"
        />
        <Button variant="secondary" onClick={() => void copy()}>
          Copy
        </Button>
        <Button variant="ghost" onClick={onDone}>
          Done
        </Button>
      </div>
      <p role="status" className="mt-2 text-xs text-amber-900">
        {copied === "yes" ? "Copied to the clipboard." : copied === "failed" ? "Could not copy: select the text and copy it yourself." : ""}
      </p>
      <p className="mt-2 text-xs text-slate-700">
        Send it as <code>Authorization: Bearer {created.token.prefix}…</code>
      </p>
    </div>
  );
}
