import type { TFunction } from "i18next";

/** The e-mails the portal sends; each names its i18n keys under emails:<template>. */
export type EmailTemplate =
  | { template: "partner_invitation"; params: { clientName: string; inviterName: string; link: string; expiresAt: string } }
  | { template: "colleague_invitation"; params: { organizationName: string; inviterName: string; link: string; expiresAt: string } }
  | { template: "magic_link"; params: { link: string; minutes: number } }
  | { template: "password_changed"; params: { name: string } }
  | { template: "questionnaire_sent"; params: { clientName: string; title: string; dueDate: string; link: string } }
  | { template: "agreement_sent"; params: { clientName: string; title: string; link: string } }
  | { template: "agreement_signed_by_vendor"; params: { vendorName: string; title: string; link: string } }
  | { template: "agreement_changes_requested"; params: { vendorName: string; title: string; link: string } }
  | { template: "agreement_ending"; params: { title: string; partnerName: string; endDate: string; days: number; link: string } }
  | { template: "training_requirement_added"; params: { clientName: string; title: string; frequencyMonths: number; minimum: number; link: string } }
  | { template: "training_lapsing"; params: { clientName: string; title: string; validUntil: string; days: number; link: string } }
  | { template: "subprocessor_proposed"; params: { vendorName: string; name: string; service: string; country: string; deadline: string; link: string } }
  | { template: "subprocessor_objected"; params: { clientName: string; name: string; reason: string; link: string } }
  | { template: "subprocessor_removed"; params: { vendorName: string; name: string; link: string } }
  | { template: "evidence_expiring"; params: { title: string; validUntil: string; days: number; link: string } };

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** Renders a message in the recipient's language; plain text and a simple, safe HTML twin. */
export function renderEmail(t: TFunction, email: EmailTemplate): RenderedEmail {
  const key = `emails:${email.template}`;
  const params = email.params as Record<string, string | number>;
  const subject = t(`${key}.subject`, params);
  const paragraphs = (t(`${key}.body`, { ...params, returnObjects: true }) as unknown as string[]) ?? [];
  const link = "link" in email.params ? email.params.link : undefined;
  const action = link ? t(`${key}.action`) : undefined;
  const footer = t("emails:footer");
  const text = [
    ...paragraphs,
    ...(link ? [`${action}: ${link}`] : []),
    "--",
    footer,
  ].join("\n\n");
  const html = `<!doctype html><html><body style="font-family:system-ui,sans-serif;color:#0f172a;max-width:560px;margin:auto;padding:24px">
${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join("\n")}
${link ? `<p><a href="${escapeHtml(link)}" style="display:inline-block;background:#1e40af;color:#fff;padding:10px 16px;border-radius:6px;text-decoration:none">${escapeHtml(action!)}</a></p><p style="font-size:12px;color:#475569">${escapeHtml(link)}</p>` : ""}
<hr style="border:none;border-top:1px solid #e2e8f0"><p style="font-size:12px;color:#64748b">${escapeHtml(footer)}</p>
</body></html>`;
  return { subject, text, html };
}
