"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

import { Button } from "@/components/ui/button";
import { apiFetch } from "@/lib/client/api-client";

/** The author takes an annotation (or assessment) back from review to draft while nobody has decided on it. */
export function WithdrawButton({ endpoint, version, what = "annotation" }: { endpoint: string; version: number; what?: string }) {
  const router = useRouter();
  const [isPending, setIsPending] = useState(false);
  const [message, setMessage] = useState<{ text: string; isError: boolean } | null>(null);

  async function withdraw() {
    setIsPending(true);
    const result = await apiFetch(endpoint, { method: "POST", body: { version } });
    setIsPending(false);
    if (!result.ok) return setMessage({ text: result.problem.detail, isError: true });
    setMessage({ text: `Withdrawn: the ${what} is a draft again and only you can see it.`, isError: false });
    router.refresh();
  }

  return (
    <div className="space-y-2">
      <Button variant="secondary" onClick={() => void withdraw()} disabled={isPending}>
        {isPending ? "Withdrawing…" : "Withdraw from review"}
      </Button>
      <p className="text-xs text-slate-700">Back to draft while nobody has decided on it; submit it again when it is ready.</p>
      {message ? (
        <p role={message.isError ? "alert" : "status"} className={`text-sm ${message.isError ? "text-red-800" : "text-emerald-800"}`}>
          {message.text}
        </p>
      ) : null}
    </div>
  );
}
