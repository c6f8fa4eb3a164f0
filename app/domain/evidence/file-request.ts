/** ?version=N (a positive whole number, or absent for the current one) and ?download=1. */
export function fileRequestOptions(request: Request): { version: number | null; download: boolean } | null {
  const search = new URL(request.url).searchParams;
  const raw = search.get("version");
  if (raw !== null && !/^[1-9]\d{0,5}$/.test(raw)) return null;
  return { version: raw === null ? null : Number(raw), download: search.get("download") === "1" };
}
