import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/button";
import { TextField } from "~/components/ui/field";
import { Card, FormError, Notice } from "~/components/ui/layout";
import { normalizeHash } from "~/domain/agreements/forms";
import { verifyHash, verifyPdf, type VerifyAnswer } from "~/domain/agreements/verify.server";
import { allowVerifyAttempt } from "~/domain/agreements/verify-throttle.server";
import { formatDate } from "~/utils/dates";
import { readForm } from "~/utils/http.server";

export const meta: MetaFunction = () => [{ title: "Compliance Portal" }, { name: "robots", content: "noindex" }];

/** A signed agreement's PDF is a few hundred kilobytes; 20 MB leaves room for a scanned copy. */
const MAX_PDF_BYTES = 20 * 1024 * 1024;

type Outcome = { answer: VerifyAnswer; error?: never } | { error: "nothing" | "hash" | "tooLarge" | "busy"; answer?: never };

const clientIpOf = (context: unknown) => (context as { clientIp?: string | null } | undefined)?.clientIp ?? null;

/**
 * Public: anyone may check a processor agreement's PDF or hash. The answer is only whether it is
 * in force and since when (or that it ended, or was not found): no names, no text, no ids.
 */
export async function loader({ request, context }: LoaderFunctionArgs): Promise<Outcome | null> {
  const raw = new URL(request.url).searchParams.get("hash");
  if (raw === null || raw.trim() === "") return null;
  const hash = normalizeHash(raw);
  if (!hash) return { error: "hash" };
  if (!(await allowVerifyAttempt(clientIpOf(context)))) return { error: "busy" };
  return { answer: await verifyHash(hash) };
}

export async function action({ request, context }: ActionFunctionArgs): Promise<Outcome> {
  if (!(await allowVerifyAttempt(clientIpOf(context)))) {
    await request.body?.cancel().catch(() => {});
    return { error: "busy" };
  }
  let form: FormData;
  try {
    form = await readForm(request, MAX_PDF_BYTES + 64 * 1024);
  } catch (thrown) {
    if (thrown instanceof Response && thrown.status === 413) return { error: "tooLarge" };
    throw thrown;
  }
  const file = form.get("pdf");
  if (file instanceof File && file.size > 0) {
    if (file.size > MAX_PDF_BYTES) return { error: "tooLarge" };
    return { answer: await verifyPdf(new Uint8Array(await file.arrayBuffer())) };
  }
  const raw = form.get("hash");
  if (typeof raw !== "string" || raw.trim() === "") return { error: "nothing" };
  const hash = normalizeHash(raw);
  if (!hash) return { error: "hash" };
  return { answer: await verifyHash(hash) };
}

function Answer({ answer }: { answer: VerifyAnswer }) {
  const { t, i18n } = useTranslation("agreements");
  if (answer.result === "valid") return <Notice>{t("verify.results.valid", { date: formatDate(answer.since, i18n.language) })}</Notice>;
  if (answer.result === "ended")
    return <FormError message={answer.since ? t("verify.results.ended", { date: formatDate(answer.since, i18n.language) }) : t("verify.results.endedUndated")} />;
  return <FormError message={t("verify.results.not_found")} />;
}

export default function Verify() {
  const fromUrl = useLoaderData<typeof loader>();
  const fromForm = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation(["agreements", "common"]);
  const outcome = fromForm ?? fromUrl;
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-12">
      <h1 className="mb-2 text-2xl font-semibold">{t("agreements:verify.title")}</h1>
      <p className="mb-6 text-sm text-slate-600">{t("agreements:verify.intro")}</p>
      <div className="space-y-4">
        <div aria-live="polite" data-testid="verify-result">
          {outcome?.answer ? <Answer answer={outcome.answer} /> : null}
          {outcome?.error ? <FormError message={t(`agreements:verify.errors.${outcome.error}`)} /> : null}
        </div>
        <Card>
          <Form method="post" encType="multipart/form-data" className="space-y-4">
            <TextField id="pdf" name="pdf" type="file" accept="application/pdf,.pdf" label={t("agreements:verify.file")} hint={t("agreements:verify.fileHint")} />
            <TextField id="hash" name="hash" label={t("agreements:verify.hash")} maxLength={100} autoComplete="off" spellCheck={false} />
            <Button disabled={navigation.state === "submitting"}>{t("agreements:verify.submit")}</Button>
          </Form>
        </Card>
      </div>
    </main>
  );
}
