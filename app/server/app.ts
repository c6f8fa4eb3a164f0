import { randomBytes } from "node:crypto";
import { createRequire } from "node:module";
import path from "node:path";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import helmet from "helmet";
import { env } from "~/utils/env.server";
import { isAllowedOrigin } from "~/utils/origin";
import { runInRequestScope } from "~/utils/request-scope.server";
import { PDF_LIB_URL, PDF_WORKER_URL } from "~/utils/pdf-worker";

const pdfjsBuild = path.dirname(createRequire(import.meta.url).resolve("pdfjs-dist/build/pdf.min.mjs"));

/** What every loader and action receives as `context`. */
export type PortalLoadContext = {
  clientIp: string | null;
  cspNonce: string;
  [key: string]: unknown;
};

const refusedOriginPage = `<!doctype html><html lang="nl"><meta charset="utf-8"><title>403</title>
<body style="font-family:system-ui;max-width:40rem;margin:4rem auto">
<h1>Verzoek geweigerd / Request refused</h1>
<p>Dit formulier kwam niet van deze website. Ga terug en probeer het opnieuw.</p>
<p>This form did not come from this website. Go back and try again.</p></body></html>`;

export function createApp(build: ServerBuild) {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", env().TRUST_PROXY_HOPS);
  // Action answers are small and streamed (so compression's size threshold never applies);
  // compressing them costs more CPU than it saves bytes. Pages and data reads are compressed.
  app.use(compression({ filter: (req, res) => (req.method === "GET" || req.method === "HEAD") && compression.filter(req, res) }));

  // Only reads share lookups: after an action (a POST) the loaders must see what it changed.
  app.use((req, _res, next) => (req.method === "GET" || req.method === "HEAD" ? runInRequestScope(next) : next()));
  app.use((_req, res, next) => {
    res.locals.cspNonce = randomBytes(16).toString("base64");
    next();
  });
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'", (_req, res) => `'nonce-${(res as express.Response).locals.cspNonce}'`],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", "data:", "blob:"],
          connectSrc: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
          objectSrc: ["'none'"],
          upgradeInsecureRequests: null,
        },
      },
      strictTransportSecurity: env().APP_URL?.startsWith("https://") ? undefined : false,
      crossOriginEmbedderPolicy: false,
      referrerPolicy: { policy: "same-origin" },
    }),
  );

  app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
  app.use(express.static("public", { maxAge: "1h", index: false }));
  // pdf.js renders evidence previews in the browser; its scripts ship in the pdfjs-dist package.
  for (const [url, file] of [[PDF_LIB_URL, "pdf.min.mjs"], [PDF_WORKER_URL, "pdf.worker.min.mjs"]]) {
    app.get(url, (_req, res) => {
      res.type("text/javascript").sendFile(path.join(pdfjsBuild, file), { maxAge: "1d" });
    });
  }

  // Cross-site form posts are refused before any route runs (on top of SameSite cookies).
  app.use((req, res, next) => {
    // With APP_URL set only that origin counts; a local demo also accepts the address it was opened at.
    const appUrl = env().APP_URL;
    const ownOrigins = appUrl ? [appUrl] : [`${req.protocol}://${req.get("host")}`];
    if (isAllowedOrigin(req.method, req.get("origin"), req.get("referer"), ownOrigins)) return next();
    res.status(403).type("html").send(refusedOriginPage);
  });

  app.all(
    "*",
    createRequestHandler({
      build,
      mode: build.mode,
      getLoadContext: (req, res): PortalLoadContext => ({
        clientIp: req.ip ?? null,
        cspNonce: res.locals.cspNonce,
      }),
    }),
  );
  return app;
}
