import { useTranslation } from "react-i18next";
import { Badge } from "~/components/ui/layout";
import { expiryState } from "~/domain/evidence/expiry";
import { formatCalendarDate } from "~/utils/dates";

/** "Valid until …", "Expires …" (last 30 days) or "Expired …", wherever evidence is shown. */
export function ExpiryBadge({ validUntil, today }: { validUntil: string | null; today: string }) {
  const { t, i18n } = useTranslation("evidence");
  const state = expiryState(validUntil, today);
  if (state === "none") return <span className="text-slate-500">{t("expiry.none")}</span>;
  const date = formatCalendarDate(validUntil, i18n.language);
  const tone = state === "expired" ? "red" : state === "expiring" ? "amber" : "green";
  return <Badge tone={tone}>{t(`expiry.${state}`, { date })}</Badge>;
}
