import { createReadableStreamFromReadable } from "@remix-run/node";
import type { BlobStorage } from "~/storage/blob-storage";

export interface StoredFile {
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
}

/** Only these are ever shown inside the browser; everything else is a download. */
const INLINE_TYPES = new Set(["application/pdf", "image/png", "image/jpeg", "image/gif", "image/webp"]);

export function isInlineType(contentType: string) {
  return INLINE_TYPES.has(contentType);
}

/** RFC 6266 / 5987: an ASCII fallback plus the exact UTF-8 name. */
export function contentDisposition(kind: "inline" | "attachment", fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\;]/g, "_");
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/**
 * A stored file as a response: streamed, with the type decided at upload (never from the name),
 * `nosniff`, and a sandboxing CSP in case a browser opens it directly. Text is served as plain
 * text, so nothing uploaded is ever rendered as HTML or run as script.
 */
export async function storedFileResponse(
  storage: BlobStorage,
  file: StoredFile,
  options: { download: boolean; ifNoneMatch: string | null },
): Promise<Response> {
  const inline = !options.download && isInlineType(file.contentType);
  const etag = `"${file.sha256}"`;
  const headers = new Headers({
    "Content-Type": file.contentType.startsWith("text/") ? (inline ? "text/plain; charset=utf-8" : file.contentType) : file.contentType,
    "Content-Disposition": contentDisposition(inline ? "inline" : "attachment", file.fileName),
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; sandbox",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Cache-Control": "private, no-cache",
    ETag: etag,
  });
  if (options.ifNoneMatch === etag) return new Response(null, { status: 304, headers });
  headers.set("Content-Length", String(file.sizeBytes));
  const stream = await storage.read(file.sha256);
  return new Response(createReadableStreamFromReadable(stream), { status: 200, headers });
}
