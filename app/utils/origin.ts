const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * A state-changing request must come from one of our own pages: its Origin (or, from older
 * browsers, its Referer) must be one of ours. A request naming neither is refused too.
 */
export function isAllowedOrigin(
  method: string,
  origin: string | undefined | null,
  referer: string | undefined | null,
  ownOrigins: string[],
): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return true;
  const claimed = origin && origin !== "null" ? origin : originOf(referer);
  if (!claimed) return false;
  return ownOrigins.some((own) => originOf(own) === claimed);
}

function originOf(url: string | undefined | null): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}
