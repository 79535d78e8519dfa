import { NextResponse, type NextRequest } from "next/server";

// Runs before every page and API request. It sets the Content-Security-Policy with a per-request
// nonce (Next applies it to its own scripts) and sends anonymous page visits to sign-in. It never
// authorizes anything: every API route checks the session and role itself.
const PUBLIC_PAGES = [/^\/signin/, /^\/setup\//, /^\/invite\//];

const csp = (nonce: string, isDev: boolean) =>
  [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");

export function proxy(req: NextRequest) {
  const { pathname } = req.nextUrl;
  const isApi = pathname.startsWith("/api/");
  if (!isApi && !PUBLIC_PAGES.some((p) => p.test(pathname))) {
    const hasSession = req.cookies.getAll().some((c) => c.name.endsWith("next-auth.session-token"));
    if (!hasSession) {
      const url = req.nextUrl.clone();
      url.pathname = "/signin";
      url.search = pathname === "/" ? "" : `?callbackUrl=${encodeURIComponent(pathname + req.nextUrl.search)}`;
      return NextResponse.redirect(url);
    }
  }
  const nonce = btoa(crypto.randomUUID());
  const policy = csp(nonce, process.env.NODE_ENV === "development"); // Next inlines NODE_ENV at build time
  const headers = new Headers(req.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", policy);
  const res = NextResponse.next({ request: { headers } });
  res.headers.set("content-security-policy", policy);
  return res;
}

// The audit webhook is excluded: it serves the API server, not a browser, and running the proxy there
// makes Next copy each batch body (up to megabytes, many a second) for nothing.
export const config = { matcher: ["/((?!_next/static|_next/image|favicon.ico|api/v1/audit/ingest/).*)"] };
