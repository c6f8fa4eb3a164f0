import enAccount from "../../public/locales/en/account.json";
import enAudit from "../../public/locales/en/audit.json";
import enAuth from "../../public/locales/en/auth.json";
import enCommon from "../../public/locales/en/common.json";
import enEmails from "../../public/locales/en/emails.json";
import enOrgs from "../../public/locales/en/orgs.json";
import enQuestionnaires from "../../public/locales/en/questionnaires.json";
import enRequests from "../../public/locales/en/requests.json";
import nlAccount from "../../public/locales/nl/account.json";
import nlAudit from "../../public/locales/nl/audit.json";
import nlAuth from "../../public/locales/nl/auth.json";
import nlCommon from "../../public/locales/nl/common.json";
import nlEmails from "../../public/locales/nl/emails.json";
import nlOrgs from "../../public/locales/nl/orgs.json";
import nlQuestionnaires from "../../public/locales/nl/questionnaires.json";
import nlRequests from "../../public/locales/nl/requests.json";

// Bundled rather than fetched: the strings are small, and a page never renders before its
// language has arrived.
export const resources = {
  en: { common: enCommon, auth: enAuth, account: enAccount, orgs: enOrgs, audit: enAudit, emails: enEmails, questionnaires: enQuestionnaires, requests: enRequests },
  nl: { common: nlCommon, auth: nlAuth, account: nlAccount, orgs: nlOrgs, audit: nlAudit, emails: nlEmails, questionnaires: nlQuestionnaires, requests: nlRequests },
};
