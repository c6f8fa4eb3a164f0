import { useTranslation } from "react-i18next";
import type { AgreementHealth, AgreementStatus } from "~/domain/agreements/status";
import { Badge } from "~/components/ui/layout";

const tones: Record<AgreementStatus, "slate" | "red" | "amber" | "green" | "blue"> = {
  draft: "slate",
  sent: "blue",
  changes_requested: "amber",
  signed_by_vendor: "blue",
  in_force: "green",
  superseded: "slate",
  expired: "red",
  terminated: "slate",
};

/** The agreement's status and, for one in force, whether it ends soon or has lapsed. */
export function AgreementStatusBadges({ status, health }: { status: AgreementStatus; health: AgreementHealth }) {
  const { t } = useTranslation("agreements");
  return (
    <span className="inline-flex flex-wrap gap-1">
      {health === "lapsed" && status === "in_force" ? null : <Badge tone={tones[status]}>{t(`status.${status}`)}</Badge>}
      {health === "lapsed" ? <Badge tone="red">{t("health.lapsed")}</Badge> : null}
      {health === "expiring" ? <Badge tone="amber">{t("health.expiring")}</Badge> : null}
    </span>
  );
}
