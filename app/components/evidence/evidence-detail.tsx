import type { ComponentProps, ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Badge, Card } from "~/components/ui/layout";
import { CurrentFileFacts, VersionHistory, type VersionRow } from "./evidence-facts";
import { EvidencePreview } from "./evidence-preview";
import { ExpiryBadge } from "./expiry-badge";
import { LinkedPlaces, type LinkRow } from "./linked-places";

/** The header's actions on a document page: archived (vendor only), validity, download. */
export function EvidenceHeaderActions({
  validUntil,
  today,
  fileUrl,
  archived = false,
}: {
  validUntil: string | null;
  today: string;
  fileUrl: string;
  archived?: boolean;
}) {
  const { t } = useTranslation("evidence");
  return (
    <>
      {archived ? <Badge>{t("archived")}</Badge> : null}
      <ExpiryBadge validUntil={validUntil} today={today} />
      <a className="text-sm text-brand-700 underline" href={`${fileUrl}?download=1`}>
        {t("detail.download")}
      </a>
    </>
  );
}

/**
 * A document as either side sees it: preview and versions, then the current file's facts and
 * where it is used; `children` add the side's own cards below those.
 */
export function EvidenceDetail({
  evidence,
  fileUrl,
  base,
  today,
  side,
  canUnshare,
  children,
}: {
  evidence: {
    title: string;
    current: ComponentProps<typeof CurrentFileFacts>["current"] & {
      contentType: string;
    };
    versions: VersionRow[];
    links: LinkRow[];
  };
  fileUrl: string;
  base: string;
  today: string;
  side: "client" | "vendor";
  canUnshare?: boolean;
  children?: ReactNode;
}) {
  const { t } = useTranslation("evidence");
  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <div className="space-y-6 lg:col-span-2">
        <Card title={t("detail.preview")}>
          <EvidencePreview fileUrl={fileUrl} contentType={evidence.current.contentType} title={evidence.title} />
        </Card>
        <Card title={t("detail.history")}>
          <VersionHistory versions={evidence.versions} fileUrl={fileUrl} today={today} />
        </Card>
      </div>
      <div className="space-y-6">
        <Card title={t("detail.current")}>
          <CurrentFileFacts current={evidence.current} today={today} />
        </Card>
        <Card title={t("detail.usedIn")}>
          <LinkedPlaces links={evidence.links} base={base} side={side} canUnshare={canUnshare} />
        </Card>
        {children}
      </div>
    </div>
  );
}
