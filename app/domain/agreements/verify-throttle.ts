/**
 * /verify is public, so one address may only check so many documents per window (a hash is not
 * guessable, but the page should not become a free oracle for scripted lookups). Pure: the caller
 * keeps the recent attempt times per address.
 */
export const VERIFY_LIMIT = { perWindow: 30, windowMs: 10 * 60 * 1000 } as const;

/** The attempts still inside the window, and whether one more is allowed now (it is then counted). */
export function takeVerifyAttempt(recent: readonly number[], now: number, limit: { perWindow: number; windowMs: number } = VERIFY_LIMIT) {
  const inWindow = recent.filter((t) => t > now - limit.windowMs);
  if (inWindow.length >= limit.perWindow) return { allowed: false, recent: inWindow };
  return { allowed: true, recent: [...inWindow, now] };
}
