import { formatNumber } from "./dates";

/** 532 B, 14 kB, 3.2 MB: sizes as people read them, in the page's language. */
export function formatFileSize(bytes: number, locale: string): string {
  if (bytes < 1024) return `${formatNumber(bytes, locale)} B`;
  if (bytes < 1024 * 1024) return `${formatNumber(Math.round(bytes / 1024), locale)} kB`;
  if (bytes < 1024 * 1024 * 1024) return `${formatNumber(Math.round((bytes / 1024 / 1024) * 10) / 10, locale)} MB`;
  return `${formatNumber(Math.round((bytes / 1024 / 1024 / 1024) * 10) / 10, locale)} GB`;
}
