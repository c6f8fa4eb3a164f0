import { takeVerifyAttempt } from "./verify-throttle";

/**
 * Attempts per client address, kept in this process. With several app instances each counts on
 * its own, which still bounds scripted use; sign-in throttling (which must be exact) uses the
 * database instead.
 */
const attempts = new Map<string, number[]>();
const MAX_ADDRESSES = 10_000;

export function allowVerifyAttempt(clientIp: string | null, now = Date.now()): boolean {
  const key = clientIp ?? "unknown";
  const { allowed, recent } = takeVerifyAttempt(attempts.get(key) ?? [], now);
  if (attempts.size >= MAX_ADDRESSES && !attempts.has(key)) attempts.clear();
  attempts.set(key, recent);
  return allowed;
}
