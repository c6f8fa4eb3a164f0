import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ExpiryBadge } from "~/components/evidence/expiry-badge";
import { Button } from "~/components/ui/button";
import { SelectField } from "~/components/ui/field";
import { Card } from "~/components/ui/layout";

/** Documents attached to an agreement (shared with the client); the vendor attaches and detaches. */
export function AgreementEvidence({
  base,
  items,
  choices,
  canManage,
  today,
  busy,
}: {
  base: string;
  items: { id: string; title: string; validUntil: string | null }[];
  choices: { id: string; title: string }[];
  canManage: boolean;
  today: string;
  busy: boolean;
}) {
  const { t } = useTranslation("agreements");
  return (
    <Card title={t("evidence.title")}>
      {items.length === 0 ? <p className="text-sm text-slate-600">{t("evidence.empty")}</p> : null}
      <ul className="space-y-2 text-sm">
        {items.map((item) => (
          <li key={item.id} className="flex flex-wrap items-center gap-2">
            <Link to={`${base}/evidence/${item.id}`} className="text-brand-700 underline">
              {item.title}
            </Link>
            <ExpiryBadge validUntil={item.validUntil} today={today} />
            {canManage ? (
              <Form method="post" className="inline">
                <input type="hidden" name="evidenceId" value={item.id} />
                <Button variant="ghost" name="intent" value="detach" disabled={busy} className="!px-2 !py-1">
                  {t("evidence.detach")}
                </Button>
              </Form>
            ) : null}
          </li>
        ))}
      </ul>
      {canManage && choices.length > 0 ? (
        <Form method="post" className="mt-3 space-y-2">
          <SelectField id="evidenceId" name="evidenceId" label={t("evidence.choose")} required>
            {choices.map((c) => (
              <option key={c.id} value={c.id}>
                {c.title}
              </option>
            ))}
          </SelectField>
          <Button variant="secondary" name="intent" value="attach" disabled={busy}>
            {t("evidence.attach")}
          </Button>
        </Form>
      ) : null}
    </Card>
  );
}
