import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "./ui/button";
import { Card } from "./ui/layout";

/** The vendor's switch for "answer once" with one client (intent "reuse" on the page's action). */
export function AnswerReuseToggle({ enabled, canManage }: { enabled: boolean; canManage: boolean }) {
  const { t } = useTranslation("requests");
  return (
    <Card title={t("requests:reuse.title")} className="mt-4">
      <p className="text-sm">{t(enabled ? "requests:reuse.on" : "requests:reuse.off")}</p>
      <p className="mt-1 text-xs text-slate-500">{t("requests:reuse.help")}</p>
      {canManage ? (
        <Form method="post" className="mt-3">
          <input type="hidden" name="intent" value="reuse" />
          <input type="hidden" name="enabled" value={enabled ? "false" : "true"} />
          <Button variant="secondary">{t(enabled ? "requests:reuse.disable" : "requests:reuse.enable")}</Button>
        </Form>
      ) : null}
    </Card>
  );
}
