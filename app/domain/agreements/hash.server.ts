import { createHash } from "node:crypto";

/** SHA-256 (lower-case hex) of a text's exact UTF-8 bytes, or of raw bytes. */
export function sha256Hex(value: string | Uint8Array): string {
  return createHash("sha256").update(typeof value === "string" ? Buffer.from(value, "utf8") : value).digest("hex");
}
