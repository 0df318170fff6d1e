/**
 * Where to go after signing in: only a path of this app. Browsers read "/\evil"
 * and "/\t/evil" as "//evil" (another host), so backslashes and control
 * characters are refused outright; what remains is resolved against a fixed
 * origin and kept only if it stays there.
 */
const BASE = "http://parallax.invalid";

export function safeCallbackPath(value: unknown): string {
  const raw = Array.isArray(value) ? value[0] : value;
  if (typeof raw !== "string" || !raw.startsWith("/") || raw.startsWith("//")) return "/";
  if (/[\u0000-\u001F\u007F-\u009F\\]/.test(raw)) return "/";
  let url: URL;
  try {
    url = new URL(raw, BASE);
  } catch {
    return "/";
  }
  return url.origin === BASE ? `${url.pathname}${url.search}${url.hash}` : "/";
}

/** next-auth's redirect callback: same-origin paths only, never another host. */
export function safeRedirect(url: string, baseUrl: string): string {
  if (url.startsWith("/")) return `${baseUrl}${safeCallbackPath(url)}`;
  try {
    const target = new URL(url);
    if (target.origin === new URL(baseUrl).origin)
      return `${baseUrl}${safeCallbackPath(`${target.pathname}${target.search}${target.hash}`)}`;
  } catch {
    // not a URL: home
  }
  return baseUrl;
}
