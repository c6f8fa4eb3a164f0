import { createHash } from "node:crypto";
import { Transform, type TransformCallback } from "node:stream";

/** How much of the start of a file the type detection sees, and how much of its end is kept. */
const HEAD_BYTES = 64 * 1024;
const TAIL_BYTES = 1024;

export class UploadTooLargeError extends Error {
  constructor(readonly limitBytes: number) {
    super(`Upload exceeds ${limitBytes} bytes`);
    this.name = "UploadTooLargeError";
  }
}

/**
 * A pass-through that looks at the bytes on their way to storage: counts them (and fails the
 * stream past the limit, so storage stops writing), hashes them with SHA-256, and keeps the
 * first 64 KB (for type detection) and the last kilobyte (for the PDF trailer check). Never
 * holds more than those two samples, whatever the size of the file.
 */
export class UploadInspector extends Transform {
  private readonly hash = createHash("sha256");
  private readonly headChunks: Buffer[] = [];
  private headLength = 0;
  private tailBuffer = Buffer.alloc(0);
  bytesSeen = 0;
  /** Set once more bytes arrived than allowed; the stream has failed by then. */
  exceededLimit = false;

  constructor(private readonly limitBytes: number) {
    super({ highWaterMark: 1024 * 1024 });
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
    this.bytesSeen += chunk.length;
    if (this.bytesSeen > this.limitBytes) {
      this.exceededLimit = true;
      done(new UploadTooLargeError(this.limitBytes));
      return;
    }
    this.hash.update(chunk);
    if (this.headLength < HEAD_BYTES) {
      const part = chunk.subarray(0, HEAD_BYTES - this.headLength);
      this.headChunks.push(Buffer.from(part));
      this.headLength += part.length;
    }
    this.tailBuffer =
      chunk.length >= TAIL_BYTES
        ? Buffer.from(chunk.subarray(chunk.length - TAIL_BYTES))
        : Buffer.concat([this.tailBuffer, chunk]).subarray(-TAIL_BYTES);
    done(null, chunk);
  }

  get head(): Buffer {
    return Buffer.concat(this.headChunks);
  }

  get tail(): Buffer {
    return this.tailBuffer;
  }

  /** The hex digest; call once, after the stream has ended. */
  digest(): string {
    return this.hash.digest("hex");
  }
}
