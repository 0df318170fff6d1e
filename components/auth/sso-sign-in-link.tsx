"use client";

import { signIn } from "next-auth/react";
import { useState, type MouseEvent } from "react";

import { buttonClass } from "@/components/ui/button";

/**
 * Starts single sign-on. A link (it takes the person to their provider);
 * next-auth's sign-in needs a CSRF-protected POST, which `signIn` makes.
 */
export function SsoSignInLink({ providerId, name, callbackUrl }: { providerId: string; name: string; callbackUrl: string }) {
  const [isPending, setIsPending] = useState(false);

  function onClick(event: MouseEvent<HTMLAnchorElement>) {
    event.preventDefault();
    if (isPending) return;
    setIsPending(true);
    void signIn(providerId, { callbackUrl }).catch(() => setIsPending(false));
  }

  return (
    <a
      href={`/api/auth/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`}
      onClick={onClick}
      aria-busy={isPending}
      className={buttonClass(
        "secondary",
        "md",
        "w-full focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-700",
      )}
    >
      {isPending ? `Redirecting to ${name}…` : `Sign in with ${name}`}
    </a>
  );
}
