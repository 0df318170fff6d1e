"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { apiFetch } from "@/lib/client/api-client";

/** An admin's button that calls one endpoint, confirms first, then refreshes the page. */
export function UserActionButton({
  path,
  label,
  confirmText,
  doneText,
  isAvailable = true,
}: {
  path: string;
  label: string;
  confirmText: string;
  doneText: string;
  /** False hides the button but keeps the last confirmation on screen. */
  isAvailable?: boolean;
}) {
  const router = useRouter();
  const [isConfirming, setIsConfirming] = useState(false);
  const [message, setMessage] = useState<{ text: string; isError: boolean } | null>(null);

  async function run() {
    const result = await apiFetch(path, { method: "DELETE" });
    setIsConfirming(false);
    setMessage(result.ok ? { text: doneText, isError: false } : { text: result.problem.detail, isError: true });
    if (result.ok) router.refresh();
  }

  return (
    <div>
      {!isAvailable ? null : isConfirming ? (
        <div className="flex flex-wrap items-center gap-2">
          <span className="text-sm text-slate-700">{confirmText}</span>
          <Button variant="danger" size="sm" onClick={() => void run()}>
            Confirm
          </Button>
          <Button variant="ghost" size="sm" onClick={() => setIsConfirming(false)}>
            Cancel
          </Button>
        </div>
      ) : (
        <Button variant="secondary" size="sm" onClick={() => setIsConfirming(true)}>
          {label}
        </Button>
      )}
      {message?.isError ? <FormError message={message.text} className="mt-2" /> : null}
      {message && !message.isError ? (
        <p role="status" className="mt-2 text-sm text-emerald-800">
          {message.text}
        </p>
      ) : null}
    </div>
  );
}
