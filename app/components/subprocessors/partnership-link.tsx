import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Badge, Card } from "~/components/ui/layout";

/** The partnership page's "Sub-processors (n pending)" section, linking to the register. */
export function SubprocessorsLink({ to, pending }: { to: string; pending: number }) {
  const { t } = useTranslation("subprocessors");
  return (
    <Card title={t("partnershipLink.title")}>
      <p className="flex flex-wrap items-center gap-3 text-sm">
        {pending > 0 ? <Badge tone="amber">{t("partnershipLink.pending", { count: pending })}</Badge> : <span className="text-slate-600">{t("partnershipLink.nonePending")}</span>}
        <Link to={to} className="text-brand-700 underline">
          {t("partnershipLink.open")}
        </Link>
      </p>
    </Card>
  );
}
