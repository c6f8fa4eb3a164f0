import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { tokenSecret } from "./secret.server";

/**
 * Tokens that travel by e-mail (invitations, magic links). The mail carries a random value; the
 * token tables keep only its HMAC under the server secret, and the outbox drops the link once a
 * mail server has the message (only the development mailbox keeps it, to be clicked in demos).
 */
export function newEmailToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashEmailToken(token) };
}

export function hashEmailToken(token: string): string {
  return createHmac("sha256", tokenSecret()).update(token).digest("base64url");
}

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/** Rejects anything that cannot be one of our tokens before it reaches the database. */
export function isWellFormedToken(token: unknown): token is string {
  return typeof token === "string" && TOKEN_SHAPE.test(token);
}

export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
