import type { IncomingMessage, ServerResponse } from "node:http";
import helmet, { type HelmetOptions } from "helmet";

type Middleware = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * The page's policy: scripts, styles and data only from this origin, no
 * inline script, no plugins, never framed. Styles set from script (d3's
 * `.style()`) go through the CSSOM and are not inline styles as far as CSP is
 * concerned. No `upgrade-insecure-requests`: Rasd serves plain HTTP on a
 * local or LAN address, where upgrading would break every request.
 */
const strict: HelmetOptions = {
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      "default-src": ["'self'"],
      "script-src": ["'self'"],
      "style-src": ["'self'"],
      "img-src": ["'self'", "data:", "blob:"],
      "font-src": ["'self'"],
      "connect-src": ["'self'"],
      "object-src": ["'none'"],
      "base-uri": ["'self'"],
      "form-action": ["'self'"],
      "frame-ancestors": ["'none'"],
    },
  },
  xFrameOptions: { action: "deny" },
  referrerPolicy: { policy: "no-referrer" },
  // Plain HTTP on localhost: HSTS would only pin a name to HTTPS that does not serve it.
  strictTransportSecurity: false,
};

/**
 * GraphiQL (a development tool, off in production) is Yoga's page: it loads
 * its scripts and styles from unpkg and starts them with inline script, so
 * its responses alone get a policy that allows exactly that.
 */
const graphiql: HelmetOptions = {
  ...strict,
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      ...(strict.contentSecurityPolicy as { directives: Record<string, string[]> }).directives,
      "script-src": ["'self'", "'unsafe-inline'", "https://unpkg.com"],
      "style-src": ["'self'", "'unsafe-inline'", "https://unpkg.com"],
      "img-src": ["'self'", "data:", "blob:", "https://raw.githubusercontent.com"],
      "font-src": ["'self'", "data:", "https://unpkg.com"],
      "connect-src": ["'self'", "https://unpkg.com"],
      "worker-src": ["'self'", "blob:"],
    },
  },
};

const asMiddleware = (options: HelmetOptions): Middleware => {
  const h = helmet(options);
  // helmet only sets headers and calls next synchronously; it never fails for a valid configuration.
  return (req, res) =>
    h(req, res, (error?: unknown) => {
      if (error) throw error;
    });
};

/** Security headers (helmet) on every response: CSP, nosniff, frame denial, referrer policy and the rest. */
export const securityHeaders: Middleware = asMiddleware(strict);

/** The same headers with a CSP that lets Yoga's GraphiQL page run. */
export const graphiqlSecurityHeaders: Middleware = asMiddleware(graphiql);
