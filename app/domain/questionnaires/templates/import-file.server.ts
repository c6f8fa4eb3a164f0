import { MaxPartSizeExceededError, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData } from "@remix-run/node";
import { importTemplateJson } from "./json-transfer";
import { importTemplateXlsx } from "./xlsx-transfer.server";

/** Largest template file accepted (JSON or XLSX). */
export const MAX_TEMPLATE_FILE_BYTES = 5 * 1024 * 1024;

export const importMessages = {
  noFile: "questionnaires:transfer.errors.noFile",
  tooLarge: "questionnaires:transfer.errors.tooLarge", // {max}
} as const;

/** One problem with an imported file, wherever it was found (JSON path or sheet and line). */
export interface ImportIssue {
  messageKey: string;
  params?: Record<string, string | number>;
  path?: string;
  sheet?: string;
  line?: number;
  column?: string;
}

function tooLarge(): never {
  throw new Response("Payload Too Large", { status: 413, statusText: "Payload Too Large" });
}

/**
 * Reads a multipart post with one file under the byte cap: 413 when the declared or actual
 * size is over it (nothing is buffered beyond the cap), 400 for a malformed body.
 */
export async function readTemplateUpload(request: Request): Promise<{ form: FormData; file: File | null }> {
  const declared = Number(request.headers.get("content-length") ?? "NaN");
  if (Number.isFinite(declared) && declared > MAX_TEMPLATE_FILE_BYTES + 64 * 1024) tooLarge();
  let form: FormData;
  try {
    form = await unstable_parseMultipartFormData(
      request,
      unstable_createMemoryUploadHandler({ maxPartSize: MAX_TEMPLATE_FILE_BYTES }),
    );
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) tooLarge();
    throw new Response("Bad Request", { status: 400, statusText: "Bad Request" });
  }
  const file = form.get("file");
  return { form, file: file && typeof file === "object" && file.size > 0 ? (file as File) : null };
}

const isZip = (bytes: Uint8Array) => bytes.length >= 2 && bytes[0] === 0x50 && bytes[1] === 0x4b;

/**
 * The template in an uploaded file: XLSX when it looks like one (ZIP signature or the .xlsx
 * name), JSON otherwise. All or nothing: content, or every problem found.
 */
export async function parseTemplateFile(
  bytes: Uint8Array,
  fileName: string,
): Promise<{ ok: true; content: unknown; format: "json" | "xlsx" } | { ok: false; format: "json" | "xlsx"; issues: ImportIssue[] }> {
  if (bytes.byteLength > MAX_TEMPLATE_FILE_BYTES) {
    return { ok: false, format: "json", issues: [{ messageKey: importMessages.tooLarge, params: { max: "5 MB" } }] };
  }
  if (isZip(bytes) || /\.xlsx$/i.test(fileName)) {
    const result = await importTemplateXlsx(bytes);
    return result.ok ? { ok: true, content: result.content, format: "xlsx" } : { ok: false, format: "xlsx", issues: result.issues };
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, format: "json", issues: [{ messageKey: "questionnaires:transfer.errors.notJson" }] };
  }
  const result = importTemplateJson(text);
  return result.ok ? { ok: true, content: result.content, format: "json" } : { ok: false, format: "json", issues: result.issues };
}
