/**
 * Sign-in throttling: after too many failures for one account, or from one address, within the
 * window, further attempts are refused until the window has passed. Pure; the counts come from
 * the sign_in_attempts table so every app instance sees the same numbers.
 */
export const THROTTLE = {
  windowMinutes: 15,
  maxFailuresPerAccount: 5,
  maxFailuresPerIp: 20,
} as const;

export interface RecentFailures {
  forAccount: number;
  forIp: number;
}

export function isThrottled(failures: RecentFailures, limits = THROTTLE): boolean {
  return failures.forAccount >= limits.maxFailuresPerAccount || failures.forIp >= limits.maxFailuresPerIp;
}
