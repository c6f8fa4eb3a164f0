import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/button";

export interface LinkRow {
  id: string;
  partnershipId: string;
  targetType: "answer" | "agreement" | "attestation" | "subprocessor" | "finding" | "partnership";
  targetId: string;
  clientName: string;
  requestId: string | null;
  questionKey: string | null;
}

/** Where the thing a link points at lives, on the viewer's side of the portal. */
export function linkTargetHref(link: LinkRow, base: string, side: "client" | "vendor"): string | null {
  const partnership = side === "client" ? `${base}/partners/${link.partnershipId}` : `${base}/clients/${link.partnershipId}`;
  switch (link.targetType) {
    case "answer":
      return link.requestId ? `${base}/questionnaires/${link.requestId}#question-${link.questionKey}` : null;
    case "agreement":
      return `${base}/agreements/${link.targetId}`;
    case "attestation":
      return `${base}/training`;
    case "subprocessor":
      return `${partnership}/subprocessors`;
    case "partnership":
      return partnership;
    case "finding":
      return null;
  }
}

/** Every place a document is used, per client; the vendor can stop sharing a general link. */
export function LinkedPlaces({ links, base, side, canUnshare = false }: { links: LinkRow[]; base: string; side: "client" | "vendor"; canUnshare?: boolean }) {
  const { t } = useTranslation("evidence");
  if (links.length === 0) return <p className="text-sm text-slate-500">{side === "vendor" ? t("links.noneVendor") : t("links.none")}</p>;
  return (
    <ul className="space-y-2 text-sm">
      {links.map((link) => {
        const href = linkTargetHref(link, base, side);
        const label = t(`links.targets.${link.targetType}`, { question: link.questionKey ?? "" });
        return (
          <li key={link.id} className="flex items-start justify-between gap-2">
            <div>
              {side === "vendor" ? <div className="font-medium">{link.clientName}</div> : null}
              {href ? (
                <Link className="text-brand-700 underline" to={href}>
                  {label}
                </Link>
              ) : (
                <span>{label}</span>
              )}
            </div>
            {canUnshare && link.targetType === "partnership" ? (
              <Form method="post">
                <input type="hidden" name="intent" value="unshare" />
                <input type="hidden" name="partnershipId" value={link.partnershipId} />
                <Button type="submit" variant="ghost" className="px-2 py-1">
                  {t("links.unshare")}
                </Button>
              </Form>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
