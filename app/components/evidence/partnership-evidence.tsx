import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Card } from "~/components/ui/layout";
import { ExpiryBadge } from "./expiry-badge";

export interface PartnershipEvidenceRow {
  evidenceId: string;
  title: string;
  kind: string;
  validUntil: string | null;
}

/** The documents a vendor shares within one partnership, with their validity, on both sides' partnership pages. */
export function PartnershipEvidence({ items, base, today, side }: { items: PartnershipEvidenceRow[]; base: string; today: string; side: "client" | "vendor" }) {
  const { t } = useTranslation("evidence");
  return (
    <Card title={t(`partnership.title.${side}`)}>
      {items.length === 0 ? (
        <p className="text-sm text-slate-600">{t(`partnership.empty.${side}`)}</p>
      ) : (
        <ul className="divide-y divide-slate-100 text-sm">
          {items.map((item) => (
            <li key={item.evidenceId} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <span>
                <Link className="font-medium text-brand-700 underline" to={`${base}/evidence/${item.evidenceId}`}>
                  {item.title}
                </Link>{" "}
                <span className="text-slate-500">· {t(`kinds.${item.kind}`)}</span>
              </span>
              <ExpiryBadge validUntil={item.validUntil} today={today} />
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
