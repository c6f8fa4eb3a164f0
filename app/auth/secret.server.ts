import { createHash } from "node:crypto";
import { env } from "~/utils/env.server";

let fallback: string | undefined;

/**
 * The server secret behind token HMACs. Deployments set SESSION_SECRET (the same on every
 * instance); a zero-setup run derives one from the database URL so links survive restarts.
 */
export function tokenSecret(): string {
  const configured = env().SESSION_SECRET;
  if (configured) return configured;
  fallback ??= createHash("sha256")
    .update(`portal-dev-secret:${env().DATABASE_URL ?? env().DATA_DIR}`)
    .digest("hex");
  return fallback;
}
