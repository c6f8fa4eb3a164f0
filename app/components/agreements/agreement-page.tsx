import type { ReactNode } from "react";
import { Link, useActionData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Card, FormError, Notice, PageHeader } from "~/components/ui/layout";
import type { AgreementHealth, AgreementStatus } from "~/domain/agreements/status";
import { formatCalendarDate } from "~/utils/dates";
import { AgreementComments, AgreementSignatures, AgreementTerms, AgreementText, SignForm, type CommentView, type SignatureView, type TermsView } from "./agreement-detail";
import { AgreementStatusBadges } from "./agreement-status";
import { fieldErrorsOf, formErrorOf } from "./form-errors";

/** What an agreement page's action returned, read the same way on both sides. */
export function useAgreementActionState() {
  const actionData = useActionData<unknown>();
  const navigation = useNavigation();
  const notice = actionData && typeof actionData === "object" && "notice" in actionData ? String(actionData.notice) : null;
  return {
    hasActionData: Boolean(actionData),
    formError: formErrorOf(actionData),
    errorsOf: fieldErrorsOf(actionData),
    notice,
    busy: navigation.state === "submitting",
  };
}

export interface AgreementPageView extends TermsView {
  id: string;
  title: string;
  partnerName: string;
  language: string;
  status: AgreementStatus;
  health: AgreementHealth;
  documentHash: string | null;
  blocks: { kind: "title" | "heading" | "paragraph"; text: string }[];
  hasPdf: boolean;
}

/**
 * One agreement as either side sees it: header, notices, the PDF once in force, the frozen text,
 * terms, signatures, the side's sign form and the comments; `children` adds the side's own cards.
 */
export function AgreementPage({
  agreement,
  signatures,
  comments,
  can,
  organizationName,
  base,
  verifyUrl,
  signIntent,
  headerActions,
  extraNotices,
  children,
}: {
  agreement: AgreementPageView;
  signatures: SignatureView[];
  comments: CommentView[];
  can: { sign: boolean; alreadySigned: boolean; comment: boolean; requestChanges: boolean };
  organizationName: string;
  base: string;
  verifyUrl: string;
  signIntent: "sign" | "countersign";
  /** Shown beside the status badges (given, even as null: the badges sit in a row with it). */
  headerActions?: ReactNode;
  /** Notices shown after the action's notice. */
  extraNotices?: ReactNode;
  children?: ReactNode;
}) {
  const { t, i18n } = useTranslation(["agreements", "common"]);
  const { formError, errorsOf, notice, busy } = useAgreementActionState();
  const badges = <AgreementStatusBadges status={agreement.status} health={agreement.health} />;
  const isClient = signIntent === "countersign";
  return (
    <>
      <p className="mb-2 text-sm">
        <Link to={`${base}/agreements`} className="text-brand-700 underline">
          {t("agreements:detail.back")}
        </Link>
      </p>
      <PageHeader
        title={agreement.title}
        description={t("agreements:detail.subtitle", { partner: agreement.partnerName, language: t(`agreements:languages.${agreement.language}`) })}
        actions={
          headerActions !== undefined ? (
            <div className="flex flex-wrap items-center gap-3">
              {badges}
              {headerActions}
            </div>
          ) : (
            badges
          )
        }
      />
      <div className="space-y-4">
        {notice ? <Notice>{t(`agreements:detail.notices.${notice}`)}</Notice> : null}
        {extraNotices}
        <FormError message={formError ? t(formError.key, formError.params) : null} />
        {agreement.health === "lapsed" ? <FormError message={t("agreements:detail.lapsed")} /> : null}
        {agreement.health === "expiring" && agreement.endDate ? <Notice>{t("agreements:detail.expiring", { date: formatCalendarDate(agreement.endDate, i18n.language) })}</Notice> : null}
        {isClient && (agreement.status === "sent" || agreement.status === "changes_requested") ? <Notice>{t("agreements:detail.awaitingVendor")}</Notice> : null}
        {!isClient && agreement.status === "signed_by_vendor" ? <Notice>{t("agreements:detail.awaitingClient")}</Notice> : null}
        {agreement.hasPdf ? (
          <Card>
            <a href={`${base}/agreements/${agreement.id}/pdf`} className="font-medium text-brand-700 underline" download>
              {t("agreements:detail.pdf")}
            </a>
            <p className="mt-1 text-xs text-slate-600">{t("agreements:detail.verifyHint", { url: verifyUrl })}</p>
          </Card>
        ) : null}
        <div className="grid gap-4 lg:grid-cols-3">
          <div className="space-y-4 lg:col-span-2">
            <AgreementText blocks={agreement.blocks} documentHash={agreement.documentHash} />
          </div>
          <div className="space-y-4">
            <AgreementTerms terms={agreement} />
            <AgreementSignatures signatures={signatures} />
            {can.sign && !can.alreadySigned && agreement.documentHash ? (
              <SignForm
                intent={signIntent}
                title={t(isClient ? "agreements:detail.sign.countersignTitle" : "agreements:detail.sign.title")}
                submitLabel={t(isClient ? "agreements:detail.sign.countersignSubmit" : "agreements:detail.sign.submit")}
                documentHash={agreement.documentHash}
                consent={t("agreements:sign.consent", { organization: organizationName, hash: agreement.documentHash })}
                errorsOf={errorsOf}
                busy={busy}
              />
            ) : null}
            <AgreementComments comments={comments} canComment={can.comment} canRequestChanges={!isClient && can.requestChanges} errorsOf={errorsOf} busy={busy} />
            {children}
          </div>
        </div>
      </div>
    </>
  );
}
