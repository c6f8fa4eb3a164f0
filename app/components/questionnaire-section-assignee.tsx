import { useFetcher } from "@remix-run/react";
import { useTranslation } from "react-i18next";

type FetcherData = { ok: true } | { ok: false; formError?: { key: string; params?: Record<string, string | number> } } | undefined;

/**
 * Who a section is delegated to. Those who may delegate get a select that posts intent "assign"
 * at once (an empty choice removes the assignment); everyone else reads the name.
 */
export function SectionAssignee({
  sectionKey,
  assignee,
  members,
  canDelegate,
}: {
  sectionKey: string;
  assignee: { userId: string; name: string } | undefined;
  members: { userId: string; name: string; role: string }[];
  canDelegate: boolean;
}) {
  const { t } = useTranslation("requests");
  const fetcher = useFetcher<FetcherData>({ key: `assign-${sectionKey}` });
  const error = fetcher.data && !fetcher.data.ok ? fetcher.data.formError : undefined;
  if (!canDelegate) {
    return assignee ? <p className="mb-3 text-sm text-slate-600">{t("requests:delegation.assignedTo", { name: assignee.name })}</p> : null;
  }
  const id = `assignee-${sectionKey}`;
  const pending = fetcher.formData?.get("assigneeUserId");
  const current = typeof pending === "string" ? pending : (assignee?.userId ?? "");
  return (
    <fetcher.Form method="post" className="mb-3 flex flex-wrap items-center gap-2 text-sm">
      <input type="hidden" name="intent" value="assign" />
      <input type="hidden" name="sectionKey" value={sectionKey} />
      <label htmlFor={id} className="font-medium">
        {t("requests:delegation.label")}
      </label>
      <select
        id={id}
        name="assigneeUserId"
        value={current}
        disabled={fetcher.state !== "idle"}
        onChange={(event) => fetcher.submit(event.currentTarget.form)}
        className="rounded border border-slate-300 px-2 py-1"
      >
        <option value="">{t("requests:delegation.nobody")}</option>
        {members.map((m) => (
          <option key={m.userId} value={m.userId}>
            {m.name}
          </option>
        ))}
      </select>
      <noscript>
        <button type="submit" className="underline">
          {t("requests:delegation.save")}
        </button>
      </noscript>
      {error ? (
        <span role="alert" className="text-xs text-red-700">
          {t(error.key, error.params)}
        </span>
      ) : null}
    </fetcher.Form>
  );
}
