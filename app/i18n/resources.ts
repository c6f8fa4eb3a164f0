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
import enEvidence from "../../public/locales/en/evidence.json";
import enAgreements from "../../public/locales/en/agreements.json";
import enSubprocessors from "../../public/locales/en/subprocessors.json";
import enTraining from "../../public/locales/en/training.json";
import nlEvidence from "../../public/locales/nl/evidence.json";
import nlAgreements from "../../public/locales/nl/agreements.json";
import nlSubprocessors from "../../public/locales/nl/subprocessors.json";
import nlTraining from "../../public/locales/nl/training.json";

// Bundled rather than fetched: the strings are small, and a page never renders before its
// language has arrived.
export const resources = {
  en: { common: enCommon, auth: enAuth, account: enAccount, orgs: enOrgs, audit: enAudit, emails: enEmails, questionnaires: enQuestionnaires, requests: enRequests, evidence: enEvidence, agreements: enAgreements, subprocessors: enSubprocessors, training: enTraining },
  nl: { common: nlCommon, auth: nlAuth, account: nlAccount, orgs: nlOrgs, audit: nlAudit, emails: nlEmails, questionnaires: nlQuestionnaires, requests: nlRequests, evidence: nlEvidence, agreements: nlAgreements, subprocessors: nlSubprocessors, training: nlTraining },
};
