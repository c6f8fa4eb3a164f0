import { useTranslation } from "react-i18next";
import { Badge } from "~/components/ui/layout";

const tierTones = { 1: "red", 2: "amber", 3: "green" } as const;
const statusTones = { invited: "blue", active: "green", suspended: "amber", ended: "slate" } as const;

/** Tier 1 is the highest inherent risk. */
export function TierBadge({ tier }: { tier: number }) {
  const { t } = useTranslation("orgs");
  const tone = tierTones[tier as 1 | 2 | 3] ?? "slate";
  return <Badge tone={tone}>{t(`tier.label.${tier}`)}</Badge>;
}

export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation("orgs");
  return <Badge tone={statusTones[status as keyof typeof statusTones] ?? "slate"}>{t(`status.${status}`)}</Badge>;
}
