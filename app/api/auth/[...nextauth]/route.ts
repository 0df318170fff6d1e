import NextAuth from "next-auth";

import { authOptions } from "@/lib/auth/options";
import { requestContext } from "@/lib/http/api";
import { withRequestContext } from "@/lib/log";

const handler = NextAuth(authOptions);

type Context = { params: Promise<{ nextauth: string[] }> };

/** next-auth, inside a request context so sign-in events carry the request id. */
function withContext(request: Request, context: Context): Promise<Response> {
  return withRequestContext(requestContext(request), () => handler(request, context) as Promise<Response>);
}

export { withContext as GET, withContext as POST };
