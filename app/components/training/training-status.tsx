import { useTranslation } from "react-i18next";
import { Badge } from "~/components/ui/layout";
import type { TrainingStatus } from "~/domain/training/rules";
import { formatNumber } from "~/utils/dates";

const tones = {
  ok: "green",
  due_soon: "amber",
  below_minimum: "red",
  lapsed: "red",
  missing: "slate",
} as const;

/** A partnership's status against a requirement, as a coloured, translated badge. */
export function TrainingStatusBadge({ status }: { status: TrainingStatus | null }) {
  const { t } = useTranslation("training");
  if (status === null) return <span className="text-slate-400">{t("training:status.notApplicable")}</span>;
  return <Badge tone={tones[status]}>{t(`training:status.${status}`)}</Badge>;
}

/** A requirement's own title, or its topic's name in the reader's language. */
export function useRequirementTitle() {
  const { t } = useTranslation("training");
  return (requirement: { title: string; topic: string }) => requirement.title || t(`training:topics.${requirement.topic}`);
}

/** A coverage percentage with one decimal in the reader's locale. */
export function CoverageValue({ value }: { value: number | null }) {
  const { t, i18n } = useTranslation("training");
  if (value === null) return <span className="text-slate-400">—</span>;
  return <>{t("training:percent", { value: formatNumber(value, i18n.language) })}</>;
}
