import { useFetcher } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "~/utils/dates";
import { Button } from "./ui/button";

export interface CommentItem {
  id: string;
  body: string;
  authorName: string | null;
  organizationName: string;
  isOwnSide: boolean;
  createdAt: string | Date;
}

type FetcherData = { ok: true } | { ok: false; formError?: { key: string; params?: Record<string, string | number> } } | undefined;

const COMMENT_MAX = 2_000;

/**
 * The conversation about one question, collapsed until opened, with a form (intent "comment",
 * posted to the screen's own route) for those who may comment. The route reloads after a post.
 */
export function QuestionComments({ questionKey, comments, canComment }: { questionKey: string; comments: CommentItem[]; canComment: boolean }) {
  const { t, i18n } = useTranslation("requests");
  const fetcher = useFetcher<FetcherData>({ key: `comment-${questionKey}` });
  const form = useRef<HTMLFormElement>(null);
  const isPosting = fetcher.state !== "idle";
  const error = fetcher.data && !fetcher.data.ok ? fetcher.data.formError : undefined;

  useEffect(() => {
    if (fetcher.state === "idle" && fetcher.data?.ok) form.current?.reset();
  }, [fetcher.state, fetcher.data]);

  if (comments.length === 0 && !canComment) return null;
  const id = `comment-body-${questionKey}`;
  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-brand-700">{t("comments.title", { count: comments.length })}</summary>
      <div className="mt-2 space-y-2">
        {comments.length === 0 ? <p className="text-xs text-slate-600">{t("comments.empty")}</p> : null}
        <ol className="space-y-2">
          {comments.map((c) => (
            <li key={c.id} className={`rounded border p-2 ${c.isOwnSide ? "border-slate-200 bg-white" : "border-brand-100 bg-brand-50"}`}>
              <p className="text-xs text-slate-600">
                {t("comments.byline", { author: c.authorName ?? t("comments.formerUser"), organization: c.organizationName })} ·{" "}
                {formatDateTime(c.createdAt, i18n.language)}
              </p>
              <p className="whitespace-pre-wrap">{c.body}</p>
            </li>
          ))}
        </ol>
        {canComment ? (
          <fetcher.Form method="post" ref={form} className="space-y-1">
            <input type="hidden" name="intent" value="comment" />
            <input type="hidden" name="questionKey" value={questionKey} />
            <label htmlFor={id} className="block text-xs font-medium">
              {t("comments.label")}
            </label>
            <textarea
              id={id}
              name="body"
              rows={2}
              required
              maxLength={COMMENT_MAX}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-error` : undefined}
              className="w-full rounded border border-slate-300 p-1 text-sm"
            />
            {error ? (
              <p id={`${id}-error`} role="alert" className="text-xs text-red-700">
                {t(error.key, error.params)}
              </p>
            ) : null}
            <Button variant="secondary" disabled={isPosting}>
              {isPosting ? t("comments.posting") : t("comments.post")}
            </Button>
          </fetcher.Form>
        ) : null}
      </div>
    </details>
  );
}
