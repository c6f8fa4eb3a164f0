import { Readable } from "node:stream";
import busboy from "busboy";
import type { BlobStorage, StagedBlob } from "~/storage/blob-storage";
import { UploadInspector, UploadTooLargeError } from "./upload-inspector.server";

/** Form fields of an upload form are short; anything bigger is not one of ours. */
const FIELD_LIMITS = { fields: 20, fieldSize: 4 * 1024, fieldNameSize: 100, parts: 24 };
/** Room for the form fields and multipart framing on top of the file itself. */
const ENVELOPE_BYTES = 64 * 1024;

export interface ReceivedFile {
  staged: StagedBlob;
  sha256: string;
  sizeBytes: number;
  fileName: string;
  head: Buffer;
  tail: Buffer;
}

export type ReceiveFailure = "too_large" | "not_multipart" | "malformed" | "too_many_files" | "aborted";

export type ReceivedUpload =
  | { ok: true; fields: Record<string, string>; file: ReceivedFile | null }
  | { ok: false; failure: ReceiveFailure };

/**
 * Streams a multipart upload (one file plus short fields) into storage's staging area while
 * inspecting it: never more than a few chunks of the file are in memory. On any failure the
 * staged bytes are removed, so a refused or interrupted upload leaves nothing behind; on success
 * the caller must commit or discard the staged file.
 */
export async function receiveUpload(request: Request, storage: BlobStorage, limitBytes: number): Promise<ReceivedUpload> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data\s*;/i.test(contentType) || !request.body) return { ok: false, failure: "not_multipart" };
  const declared = Number(request.headers.get("content-length") ?? "NaN");
  if (Number.isFinite(declared) && declared > limitBytes + ENVELOPE_BYTES) {
    await request.body.cancel().catch(() => {});
    return { ok: false, failure: "too_large" };
  }

  const body = Readable.fromWeb(request.body as import("node:stream/web").ReadableStream<Uint8Array>);
  let parser: busboy.Busboy;
  try {
    parser = busboy({ headers: { "content-type": contentType }, limits: { ...FIELD_LIMITS, files: 1 } });
  } catch {
    body.destroy();
    return { ok: false, failure: "malformed" };
  }

  const fields: Record<string, string> = {};
  let failure: ReceiveFailure | null = null;
  let pendingFile: Promise<ReceivedFile | null> = Promise.resolve(null);
  let settle!: () => void;
  const parsed = new Promise<void>((resolve) => (settle = resolve));

  const fail = (reason: ReceiveFailure) => {
    failure ??= reason;
    // Stop reading: whatever the client still sends is not wanted.
    body.unpipe(parser);
    body.destroy();
    settle();
  };

  parser.on("field", (name, value, info) => {
    if (info.valueTruncated || info.nameTruncated) return fail("malformed");
    fields[name] = value;
  });
  parser.on("file", (_name, stream, info) => {
    // A form posted without choosing a file still has an empty file part.
    const fileName = info.filename;
    if (!fileName) {
      stream.resume();
      return;
    }
    const inspector = new UploadInspector(limitBytes);
    // Storage attaches its own handlers a moment later; until then an error must not go unheard.
    inspector.on("error", () => {});
    stream.on("error", (error) => inspector.destroy(error));
    stream.pipe(inspector);
    pendingFile = storage
      .stage(inspector)
      .then((staged) => ({
        staged,
        sha256: inspector.digest(),
        sizeBytes: inspector.bytesSeen,
        fileName,
        head: inspector.head,
        tail: inspector.tail,
      }))
      .catch((error: unknown) => {
        // Storage may report its own error (an aborted S3 upload) for a source that failed first.
        fail(error instanceof UploadTooLargeError || inspector.exceededLimit ? "too_large" : "aborted");
        return null;
      });
  });
  parser.on("filesLimit", () => fail("too_many_files"));
  parser.on("partsLimit", () => fail("malformed"));
  parser.on("fieldsLimit", () => fail("malformed"));

  parser.on("close", settle);
  parser.on("error", () => fail("malformed"));
  body.on("error", () => fail("aborted"));
  body.on("close", () => {
    // The client went away before the form was complete.
    if (!body.readableEnded) fail("aborted");
  });
  body.pipe(parser);
  await parsed;
  const file = await pendingFile;

  if (failure) {
    if (file) await storage.discard(file.staged).catch(() => {});
    return { ok: false, failure };
  }
  return { ok: true, fields, file };
}
