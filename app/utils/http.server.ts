import { json } from "@remix-run/node";
import type { RequestMeta } from "~/domain/audit/record-event.server";
import { DomainError, isDomainError } from "~/domain/errors";
import type { PortalLoadContext } from "~/server/app";
import { env, publicUrl } from "./env.server";

/** Where a request came from, for audit events: the client IP the HTTP server put in the context. */
export function requestMeta(request: Request, context?: unknown): RequestMeta {
  const clientIp = (context as Partial<PortalLoadContext> | undefined)?.clientIp ?? null;
  return {
    ipAddress: clientIp,
    userAgent: request.headers.get("user-agent"),
  };
}

export function notFound(): never {
  throw new Response("Not Found", { status: 404, statusText: "Not Found" });
}

export function forbidden(): never {
  throw new Response("Forbidden", { status: 403, statusText: "Forbidden" });
}

/**
 * Reads a url-encoded or multipart form with a byte cap, so an oversized post is refused with
 * 413 before it is parsed, and a malformed one with 400, both shown as translated error pages.
 */
export async function readForm(request: Request, maxBytes = env().MAX_FORM_BYTES): Promise<FormData> {
  const declared = Number(request.headers.get("content-length") ?? "NaN");
  if (Number.isFinite(declared) && declared > maxBytes) tooLarge();
  const body = request.body ? await readCapped(request.body, maxBytes) : new Uint8Array();
  try {
    return await new Request(request.url, {
      method: "POST",
      headers: { "content-type": request.headers.get("content-type") ?? "application/x-www-form-urlencoded" },
      body: body as unknown as BodyInit,
    }).formData();
  } catch {
    throw new Response("Bad Request", { status: 400, statusText: "Bad Request" });
  }
}

async function readCapped(stream: ReadableStream<Uint8Array>, maxBytes: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      tooLarge();
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

function tooLarge(): never {
  throw new Response("Payload Too Large", { status: 413, statusText: "Payload Too Large" });
}

/**
 * Maps a domain refusal to what the route answers: not_found/forbidden become error pages;
 * the rest become a form error the page shows next to the form.
 */
export function domainErrorResponse(error: unknown) {
  if (!isDomainError(error)) throw error;
  if (error.code === "not_found") notFound();
  if (error.code === "forbidden") forbidden();
  const status = statusOfDomainError(error.code);
  return json(
    { ok: false as const, formError: { key: error.messageKey, params: error.params } },
    { status },
  );
}

/**
 * For loaders: a domain refusal becomes an error page (404, 403, or the matching status), never a
 * 500 with a stack trace.
 */
export function throwAsResponse(error: unknown): never {
  if (!isDomainError(error)) throw error;
  if (error.code === "not_found") notFound();
  if (error.code === "forbidden") forbidden();
  const status = statusOfDomainError(error.code);
  throw new Response(error.code, { status });
}

export { DomainError };

const domainErrorStatus: Partial<Record<DomainError["code"], number>> = {
  not_found: 404,
  forbidden: 403,
  conflict: 409,
  limit_exceeded: 429,
  payload_too_large: 413,
};

/** The HTTP status a refusal answers with; a form's own problems are 422. */
export function statusOfDomainError(code: DomainError["code"]): number {
  return domainErrorStatus[code] ?? 422;
}

/**
 * Only redirect to a path on this site. Control characters and backslashes are refused outright:
 * browsers drop a tab in "/\t/evil.example" and read it as "//evil.example".
 */
export function safeRedirectPath(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof to !== "string" || !to.startsWith("/") || /[\x00-\x1f\x7f\\]/.test(to)) return fallback;
  try {
    const base = "http://portal.invalid";
    const url = new URL(to, base);
    if (url.origin !== base) return fallback;
    return url.pathname + url.search + url.hash;
  } catch {
    return fallback;
  }
}

/**
 * The base of links in e-mails. Deliberately not taken from the request: a forged Host header
 * would otherwise put an attacker's address, with a valid token, into a victim's mailbox.
 */
export function appUrl(_request?: Request): string {
  return publicUrl();
}
