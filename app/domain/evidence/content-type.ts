/**
 * What an uploaded file is, decided from its bytes (the name only chooses between text/plain and
 * text/csv, and names the legacy Office format inside an OLE container). Pure: the caller passes
 * the signature detected by `file-type` and the first bytes of the file.
 */

export type SniffedType = { mime: string; ext: string } | undefined;

export type ContentDecision =
  | { ok: true; contentType: string; preview: "pdf" | "image" | "text" | "none" }
  | { ok: false; reason: "unsupported_type" | "executable" };

/** Signatures accepted as is, with the content type they are served with. */
const ALLOWED: Record<string, { contentType: string; preview: "pdf" | "image" | "none" }> = {
  pdf: { contentType: "application/pdf", preview: "pdf" },
  png: { contentType: "image/png", preview: "image" },
  jpg: { contentType: "image/jpeg", preview: "image" },
  gif: { contentType: "image/gif", preview: "image" },
  webp: { contentType: "image/webp", preview: "image" },
  tif: { contentType: "image/tiff", preview: "none" },
  bmp: { contentType: "image/bmp", preview: "none" },
  heic: { contentType: "image/heic", preview: "none" },
  docx: { contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", preview: "none" },
  xlsx: { contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", preview: "none" },
  pptx: { contentType: "application/vnd.openxmlformats-officedocument.presentationml.presentation", preview: "none" },
  odt: { contentType: "application/vnd.oasis.opendocument.text", preview: "none" },
  ods: { contentType: "application/vnd.oasis.opendocument.spreadsheet", preview: "none" },
  odp: { contentType: "application/vnd.oasis.opendocument.presentation", preview: "none" },
};

/** Legacy Office files share one container format (OLE/CFB); the name tells which it is. */
const LEGACY_OFFICE: Record<string, string> = {
  doc: "application/msword",
  xls: "application/vnd.ms-excel",
  ppt: "application/vnd.ms-powerpoint",
};

/** Programs and scripts are refused with their own message, whatever their name says. */
const EXECUTABLE = new Set(["exe", "elf", "macho", "dll", "class", "wasm", "msi", "dmg", "deb", "rpm", "apk", "jar", "swf", "lnk", "sh"]);

export function extensionOf(fileName: string): string {
  const match = /\.([a-z0-9]{1,8})$/i.exec(fileName.trim());
  return match ? match[1].toLowerCase() : "";
}

export function decideContentType(sniffed: SniffedType, head: Uint8Array, fileName: string): ContentDecision {
  const ext = extensionOf(fileName);
  if (sniffed) {
    if (EXECUTABLE.has(sniffed.ext) || startsWithScriptShebang(head)) return { ok: false, reason: "executable" };
    const allowed = ALLOWED[sniffed.ext];
    if (allowed) return { ok: true, ...allowed };
    if (sniffed.ext === "cfb" && LEGACY_OFFICE[ext]) return { ok: true, contentType: LEGACY_OFFICE[ext], preview: "none" };
    return { ok: false, reason: "unsupported_type" };
  }
  if (startsWithExecutableMagic(head) || startsWithScriptShebang(head)) return { ok: false, reason: "executable" };
  if (!looksLikeText(head)) return { ok: false, reason: "unsupported_type" };
  return ext === "csv"
    ? { ok: true, contentType: "text/csv; charset=utf-8", preview: "text" }
    : { ok: true, contentType: "text/plain; charset=utf-8", preview: "text" };
}

/** MZ (Windows), ELF and Mach-O headers, for when the detector gave no answer. */
function startsWithExecutableMagic(head: Uint8Array): boolean {
  const b = head;
  if (b.length >= 2 && b[0] === 0x4d && b[1] === 0x5a) return true;
  if (b.length >= 4 && b[0] === 0x7f && b[1] === 0x45 && b[2] === 0x4c && b[3] === 0x46) return true;
  if (b.length >= 4) {
    const word = ((b[0] << 24) | (b[1] << 16) | (b[2] << 8) | b[3]) >>> 0;
    if ([0xfeedface, 0xfeedfacf, 0xcefaedfe, 0xcffaedfe, 0xcafebabe].includes(word)) return true;
  }
  return false;
}

function startsWithScriptShebang(head: Uint8Array): boolean {
  return head.length >= 2 && head[0] === 0x23 && head[1] === 0x21;
}

/**
 * Plain text: decodes as UTF-8 (a multi-byte character cut off at the end of the sample is fine)
 * and holds no NUL or other control characters besides tab, line feed, carriage return and form feed.
 */
export function looksLikeText(head: Uint8Array): boolean {
  if (head.length === 0) return false;
  for (const byte of head) {
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) return false;
    if (byte === 0x7f) return false;
  }
  const decoder = new TextDecoder("utf-8", { fatal: true });
  try {
    decoder.decode(head, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/**
 * A PDF that was cut short (or is a PDF in name only) lacks the end-of-file marker near its end.
 * `tail` is the last kilobyte or so of the file.
 */
export function hasPdfTrailer(tail: Uint8Array): boolean {
  return new TextDecoder("latin1").decode(tail).includes("%%EOF");
}
