/**
 * /verify is public, so one address may only check so many documents per window (a hash is not
 * guessable, but the page should not become a free oracle for scripted lookups).
 */
export const VERIFY_LIMIT = { perWindow: 30, windowMinutes: 10 } as const;
