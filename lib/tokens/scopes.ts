import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { operations } from "@/lib/openapi/operations";
import type { TokenScope } from "@/lib/tokens/schemas";

// What a token needs for a request. The operation table of the API
// reference is the one home of that rule: each operation names its scope
// (read for GETs, write for changes, review for review decisions) or null
// for what only a signed-in session may do (tokens, users, the account, the
// archive). A route missing from the table is refused: fail closed.

type Route = { segments: string[]; scope: TokenScope | null };

const routesByMethod = new Map<string, Route[]>();
for (const operation of operations) {
  const method = operation.method.toUpperCase();
  const list = routesByMethod.get(method) ?? [];
  list.push({ segments: operation.path.split("/"), scope: operation.scope });
  routesByMethod.set(method, list);
}

function matches(template: string[], segments: string[]): boolean {
  if (template.length !== segments.length) return false;
  return template.every((part, index) => (part.startsWith("{") ? segments[index] !== "" : part === segments[index]));
}

/** undefined: the route is not in the table; null: sessions only. */
export function requiredScope(method: string, pathname: string): TokenScope | null | undefined {
  const key = method.toUpperCase() === "HEAD" ? "GET" : method.toUpperCase();
  const segments = pathname.replace(/\/$/, "").split("/");
  return routesByMethod.get(key)?.find((route) => matches(route.segments, segments))?.scope;
}

/** For token requests: refuses what the token's scopes do not cover (403). */
export function assertTokenAllows(actor: Actor, method: string, pathname: string): void {
  if (!actor.token) return;
  const scope = requiredScope(method, pathname);
  if (!scope) {
    throw new AppError("forbidden", "API tokens cannot do this (managing tokens, users or your account needs a signed-in session).");
  }
  if (!actor.token.scopes.includes(scope)) {
    throw new AppError("forbidden", `This API token lacks the "${scope}" scope.`);
  }
}
