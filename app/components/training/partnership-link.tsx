import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Card } from "~/components/ui/layout";

/** The training section of a partnership page: a short line and a link to the training page. */
export function TrainingLink({ to }: { to: string }) {
  const { t } = useTranslation("training");
  return (
    <Card title={t("training:partnership.title")}>
      <p className="text-sm text-slate-700">{t("training:partnership.body")}</p>
      <p className="mt-2 text-sm">
        <Link to={to} className="text-brand-700 underline">
          {t("training:partnership.link")}
        </Link>
      </p>
    </Card>
  );
}
