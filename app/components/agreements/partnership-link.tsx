import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Card } from "~/components/ui/layout";

/** The processor-agreement section of a partnership page: a short line and a link to the agreements. */
export function AgreementsLink({ to }: { to: string }) {
  const { t } = useTranslation("agreements");
  return (
    <Card title={t("agreements:partnership.title")}>
      <p className="text-sm text-slate-700">{t("agreements:partnership.body")}</p>
      <p className="mt-2 text-sm">
        <Link to={to} className="text-brand-700 underline">
          {t("agreements:partnership.link")}
        </Link>
      </p>
    </Card>
  );
}
