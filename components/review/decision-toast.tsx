"use client";

import { useEffect, useState } from "react";

import type { ReviewDecision } from "@/lib/annotations/state";

// After a decision the reviewer lands on the next item; this says what was
// done (no undo: the decision is recorded) and puts focus on the new item's
// heading so keyboard users continue from the top.

const doneLabel: Record<ReviewDecision, string> = {
  approve: "Approved",
  request_changes: "Sent back with your request",
  reject: "Rejected",
};

export function DecisionToast({
  decision,
  next,
  focusId,
}: {
  decision: ReviewDecision;
  next: "item" | "queue" | "empty";
  focusId?: string;
}) {
  const [isOpen, setIsOpen] = useState(true);
  useEffect(() => {
    if (focusId) document.getElementById(focusId)?.focus();
  }, [focusId]);
  if (!isOpen) return null;
  return (
    <div
      role="status"
      className="fixed right-4 bottom-4 z-50 flex max-w-sm items-start gap-3 rounded-lg bg-slate-900 px-4 py-3 text-sm text-white shadow-xl"
      data-testid="decision-toast"
    >
      <p>
        <strong>{doneLabel[decision]}.</strong>{" "}
        {next === "item"
          ? "This is the next annotation in the queue."
          : next === "queue"
            ? "Here is what is still waiting for your review."
            : "Nothing else is waiting for your review."}
      </p>
      <button type="button" onClick={() => setIsOpen(false)} className="rounded px-1 text-slate-200 hover:text-white" aria-label="Dismiss">
        ✕
      </button>
    </div>
  );
}
