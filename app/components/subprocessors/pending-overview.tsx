import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DeadlineText } from "./register";

export interface PendingProposal {
  id: string;
  partnershipId: string;
  vendorDisplayName: string;
  name: string;
  objectionDeadline: string | null;
  daysLeft: number | null;
}

/** The client's sub-processor proposals awaiting a decision, across partners; nothing when none. */
export function PendingSubprocessorsOverview({ base, proposals }: { base: string; proposals: PendingProposal[] }) {
  const { t } = useTranslation("subprocessors");
  if (proposals.length === 0) return null;
  return (
    <section className="mb-4 rounded-lg border border-amber-200 bg-amber-50 p-4" aria-labelledby="pending-subprocessors">
      <h2 id="pending-subprocessors" className="text-sm font-semibold text-amber-950">
        {t("overview.title", { count: proposals.length })}
      </h2>
      <ul className="mt-2 space-y-1 text-sm">
        {proposals.map((p) => (
          <li key={p.id}>
            <Link to={`${base}/partners/${p.partnershipId}/subprocessors`} className="text-brand-700 underline">
              {t("overview.item", { vendor: p.vendorDisplayName, name: p.name })}
            </Link>{" "}
            · <DeadlineText entry={p} />
          </li>
        ))}
      </ul>
    </section>
  );
}
