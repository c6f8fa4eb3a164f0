import type { Condition, Question } from "../model";
import { answered, freeText, gate, t, yesNo } from "./builders";

/**
 * Questions that more than one standard template asks. The same key means the same question,
 * so a vendor answers it once and the answer is reused; they are therefore defined here once.
 * A template places them with {@link placed}, which may add only a visibility condition.
 */

/** Places a shared question in a template, optionally behind a condition of that template. */
export const placed = <Q extends Question>(question: Q, showWhen?: Condition): Q =>
  showWhen ? { ...question, showWhen } : question;

/** REFERENCE 1.1.5, 7.2, 8.1 #1.4, 8.4 #4.12. */
export const staffConfidentiality = yesNo({
  key: "hr.confidentiality.signed",
  severity: "high",
  compliant: "yes",
  allowPartly: true,
  text: t(
    "Hebben alle medewerkers en uitzendkrachten met toegang tot persoonsgegevens van de opdrachtgever een geheimhoudingsverklaring getekend?",
    "Have all employees and temporary staff with access to the client's personal data signed a confidentiality agreement?",
  ),
  help: t(
    "Antwoord 'gedeeltelijk' als nog niet iedereen heeft getekend, bijvoorbeeld nieuwe medewerkers in hun eerste week.",
    "Answer 'partly' if not everyone has signed yet, for example new starters in their first week.",
  ),
  reference: "AVG art. 28 lid 3 sub b; AVG art. 32 lid 4; ISO/IEC 27001:2022 A.6.6",
});

/** REFERENCE 8.3 #3.14, 8.6 #6.12; KSF service promise 5. */
export const subcontractingUsed = gate({
  key: "ops.subcontracting.used",
  text: t(
    "Besteedt u werk voor deze opdrachtgever uit aan een andere partij of locatie (onderaannemer, tussenpersoon of offshore-vestiging)?",
    "Do you subcontract work for this client to another party or site (subcontractor, intermediary or offshore site)?",
  ),
  reference: "AVG art. 28 lid 2; Code Telemarketing (intermediair); KSF-servicebelofte 5",
});

export const subcontractingAuthorised = yesNo({
  key: "ops.subcontracting.authorised",
  severity: "high",
  compliant: "yes",
  showWhen: answered("ops.subcontracting.used", "yes"),
  text: t(
    "Heeft de opdrachtgever vooraf schriftelijk ingestemd met deze uitbesteding?",
    "Has the client given prior written authorisation for this subcontracting?",
  ),
  help: t(
    "De opdrachtgever blijft verantwoordelijk voor het werk van de keten (ketenaansprakelijkheid); uitbesteding zonder toestemming is niet toegestaan.",
    "The client stays responsible for the whole chain (chain liability); subcontracting without authorisation is not allowed.",
  ),
  reference: "AVG art. 28 lid 2 en lid 4; Rb. Rotterdam 6-12-2012, ECLI:NL:RBROT:2012:BY5391; KSF-servicebelofte 5",
});

/** REFERENCE 8.1 #1.20 and 8.3 #3.15, asked once. */
export const enforcementRecent = yesNo({
  key: "reg.enforcement.recent",
  severity: "high",
  compliant: "no",
  text: t(
    "Heeft de Autoriteit Persoonsgegevens, de ACM of de Reclame Code Commissie in de afgelopen 36 maanden een onderzoek, last, boete of uitspraak tegen uw organisatie gericht?",
    "Has the Dutch Data Protection Authority (AP), the ACM or the Advertising Code Committee opened an investigation, issued an order or fine, or ruled against your organisation in the last 36 months?",
  ),
  reference: "AVG art. 58 en 83; Telecommunicatiewet (toezicht ACM); Code Telemarketing (Stichting Reclame Code)",
});

export const enforcementDetails = freeText({
  key: "reg.enforcement.details",
  severity: "info",
  multiline: true,
  showWhen: answered("reg.enforcement.recent", "yes"),
  text: t(
    "Beschrijf per zaak de toezichthouder, het onderwerp, de uitkomst en de genomen maatregelen.",
    "For each case, describe the authority, the subject, the outcome and the measures taken.",
  ),
  reference: "AVG art. 58 en 83; Telecommunicatiewet; Code Telemarketing",
});

/** REFERENCE 3.3 (5), 3.10, 7.6, 8.4 #4.9. */
export const telemarketingTraining = yesNo({
  key: "tm.training.gtm",
  severity: "high",
  compliant: "yes",
  allowPartly: true,
  text: t(
    "Zijn alle telemarketeers die voor deze opdrachtgever bellen getraind volgens de Gedragscode Telemarketing: actuele wet- en regelgeving en het omgaan met handelings- of wilsonbekwame personen?",
    "Are all telemarketers calling for this client trained under the Telemarketing Conduct Code: current law and regulation, and dealing with people who lack legal or mental capacity?",
  ),
  reference: "Gedragscode Telemarketing (DDMA/KSF); Code Telemarketing 2020 (betere training telemarketeers)",
});
