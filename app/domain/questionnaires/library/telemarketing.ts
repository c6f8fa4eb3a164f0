import type { TemplateContent } from "../model";
import {
  allOf,
  answered,
  anyOf,
  evidence,
  includesAnswer,
  multipleChoice,
  number,
  option,
  outboundService,
  singleChoice,
  t,
  yesNo,
} from "./builders";
import {
  enforcementDetails,
  enforcementRecent,
  placed,
  subcontractingAuthorised,
  subcontractingUsed,
  telemarketingTraining,
} from "./shared-questions";

/**
 * Template 3, "Telemarketing & Telecommunicatiewet": only for outbound work (every section is
 * gated on the partnership's services), and the consent rules only when natural persons are
 * called. Follows REFERENCE §8.3 (facts in §2 and §3). Points REFERENCE §10 leaves open (calling
 * hours, voicemail, the announced 2026 change) are asked as the client's policy or as readiness,
 * never as settled law, and their reference says VERIFY.
 */

/** Tw art. 11.7 lid 2 and the Code Telemarketing protect natural persons, not legal persons. */
const callsNaturalPersons = allOf(outboundService, answered("tm.scope.audience", "natural_persons"));
const callsOnCustomerRelationship = anyOf(
  includesAnswer("tm.basis.per_list", "current_customer"),
  includesAnswer("tm.basis.per_list", "ex_customer_within_term"),
);

export const telemarketingTemplate: TemplateContent = {
  title: t("Telemarketing en Telecommunicatiewet", "Telemarketing and the Dutch Telecommunications Act"),
  description: t(
    "Voor contactcenters die voor de opdrachtgever uitgaand bellen met een commercieel, ideëel of charitatief doel: grondslag en toestemming, recht van verzet, nummerweergave, belmomenten, script en toezicht.",
    "For contact centers that make outbound calls for the client with a commercial, ideological or charitable purpose: legal basis and consent, the right to object, caller ID, calling times, script and oversight.",
  ),
  sections: [
    {
      key: "tm.scope",
      title: t("Reikwijdte", "Scope"),
      showWhen: outboundService,
      questions: [
        // 3.0
        singleChoice({
          key: "tm.scope.audience",
          severity: "info",
          text: t("Wie belt u voor deze opdrachtgever?", "Whom do you call for this client?"),
          help: t(
            "Natuurlijke personen zijn consumenten, maar ook zzp'ers, eenmanszaken, vof's, maatschappen en cv's.",
            "Natural persons are consumers, but also sole traders, freelancers (ZZP), general and limited partnerships (VOF, maatschap, CV).",
          ),
          options: [
            option("natural_persons", t("(Ook) natuurlijke personen", "Natural persons (also)")),
            option("legal_persons_only", t("Uitsluitend rechtspersonen (bv, nv, stichting)", "Legal persons only (BV, NV, foundation)")),
          ],
          reference: "Telecommunicatiewet art. 11.7 lid 2; Code Telemarketing (reikwijdte)",
        }),
        // 3.11
        yesNo({
          key: "tm.automated.consent_only",
          severity: "high",
          compliant: "yes",
          allowNotApplicable: true,
          text: t(
            "Gebruikt u automatische oproepsystemen zonder menselijke tussenkomst of vooraf opgenomen berichten, zoals ingesproken voicemailberichten, uitsluitend met voorafgaande toestemming van de ontvanger?",
            "Do you use automatic calling systems without human intervention, or pre-recorded messages such as voicemail drops, only with the recipient's prior consent?",
          ),
          help: t(
            "Dit geldt ook voor zakelijke ontvangers. Kies 'niet van toepassing' als u deze middelen niet gebruikt.",
            "This also applies to business recipients. Choose 'not applicable' if you do not use these means.",
          ),
          reference:
            "Telecommunicatiewet art. 11.7 lid 1; voicemailberichten als automatische oproep is een eigen lezing [VERIFY: voicemailregels in de huidige Code/Gedragscode Telemarketing, REFERENCE §10.2]",
        }),
      ],
    },
    {
      key: "tm.basis",
      title: t("Grondslag en toestemming", "Legal basis and consent"),
      showWhen: callsNaturalPersons,
      questions: [
        // 3.1
        multipleChoice({
          key: "tm.basis.per_list",
          severity: "critical",
          combine: "min",
          text: t(
            "Op welke grondslagen zijn de bellijsten voor deze opdrachtgever gebaseerd? Kies alles wat voorkomt.",
            "On which bases are the call lists for this client built? Choose all that occur.",
          ),
          help: t(
            "Sinds 1 juli 2021 geldt opt-in: bellen mag alleen met toestemming of binnen een klantrelatie. Het Bel-me-niet Register is toen afgeschaft en is geen grondslag meer.",
            "Since 1 July 2021 opt-in applies: calls are allowed only with consent or within a customer relationship. The Bel-me-niet (do-not-call) register was abolished then and is no longer a basis.",
          ),
          options: [
            option("consent", t("Voorafgaande toestemming", "Prior consent"), 1),
            option("current_customer", t("Huidige klanten (eigen, soortgelijke producten)", "Current customers (own, similar products)"), 1),
            option("ex_customer_within_term", t("Oud-klanten binnen de klanttermijn", "Former customers within the customer term"), 1),
            option("bought_list", t("Gekochte of gehuurde lijsten zonder toestemming", "Bought or rented lists without consent"), 0),
            option("register_check_only", t("Alleen een controle tegen het (afgeschafte) Bel-me-niet Register", "Only a check against the (abolished) do-not-call register"), 0),
          ],
          reference: "Telecommunicatiewet art. 11.7 lid 2 (opt-in sinds 1 juli 2021); Code Telemarketing 2020 (klanttermijn)",
        }),
        // 3.2
        yesNo({
          key: "tm.optin.records",
          severity: "critical",
          compliant: "yes",
          text: t(
            "Is elke toestemming aantoonbaar en herleidbaar tot de persoon (niet alleen tot het telefoonnummer), met het product, de duur en de bron van de toestemming?",
            "Is every consent verifiable and linked to the person (not just the phone number), recording the product, the period and the source of the consent?",
          ),
          help: t(
            "Een procesbeschrijving of een bellijst is volgens de ACM geen bewijs van toestemming.",
            "According to the ACM, a process description or a call list is not proof of consent.",
          ),
          reference: "Telecommunicatiewet art. 11.7 lid 2; ACM (juni 2022): toestemming herleidbaar tot de persoon",
        }),
        evidence({
          key: "tm.optin.sample",
          severity: "high",
          requireValidUntil: false,
          maxFiles: 10,
          showWhen: includesAnswer("tm.basis.per_list", "consent"),
          text: t(
            "Upload een steekproef van toestemmingsregistraties (gepseudonimiseerd waar mogelijk).",
            "Upload a sample of consent records (pseudonymised where possible).",
          ),
          reference: "Telecommunicatiewet art. 11.7 lid 2; ACM (juni 2022)",
        }),
        yesNo({
          key: "tm.optin.proof_within_5_days",
          severity: "high",
          compliant: "yes",
          text: t(
            "Kunt u een consument op verzoek binnen 5 werkdagen het bewijs van zijn toestemming geven?",
            "Can you give a consumer proof of their consent within 5 working days on request?",
          ),
          reference: "Code Telemarketing 2024 (in werking 15 oktober 2024)",
        }),
        // 3.3
        yesNo({
          key: "tm.optin.verified_before_call",
          severity: "high",
          compliant: "yes",
          allowPartly: true,
          allowNotApplicable: true,
          text: t(
            "Wordt de toestemming vóór het gesprek geverifieerd, bijvoorbeeld via app, sms, e-mail of telefoon?",
            "Is consent verified before the call, for example by app, text message, e-mail or phone?",
          ),
          reference: "ACM (maart 2025): strenger toezicht per 1 juli 2025, toestemming vooraf verifiëren",
        }),
        // 3.4
        yesNo({
          key: "tm.customer.similar_within_term",
          severity: "high",
          compliant: "yes",
          showWhen: callsOnCustomerRelationship,
          text: t(
            "Belt u (oud-)klanten alleen over eigen, soortgelijke producten of diensten, en uiterlijk 3 jaar na het einde van het contract of de laatste aankoop?",
            "Do you call (former) customers only about the client's own similar products or services, and no later than 3 years after the contract ended or the last purchase?",
          ),
          reference: "Telecommunicatiewet art. 11.7 (klantuitzondering); Code Telemarketing 2020: klanttermijn maximaal 3 jaar (sinds 1 juni 2020)",
        }),
        evidence({
          key: "tm.customer.balancing_test",
          severity: "medium",
          requireValidUntil: false,
          maxFiles: 3,
          showWhen: callsOnCustomerRelationship,
          text: t(
            "Upload de belangenafweging voor het bellen op basis van de klantrelatie, en het advies van het DDMA Compliance Comité als de klanttermijn langer is dan 3 jaar.",
            "Upload the balancing test for calls based on the customer relationship, and the advice of the DDMA Compliance Committee if the customer term exceeds 3 years.",
          ),
          reference: "AVG (belangenafweging); Code Telemarketing 2020; DDMA Compliance Comité (voorheen Commissie Balanstoets Telemarketing)",
        }),
        // 3.5
        singleChoice({
          key: "tm.customer.exception_change_readiness",
          severity: "medium",
          text: t(
            "Bent u voorbereid op het aangekondigde vervallen van de klantuitzondering, waarna ook (oud-)klanten alleen met voorafgaande toestemming gebeld mogen worden?",
            "Are you prepared for the announced end of the customer exception, after which (former) customers too may only be called with prior consent?",
          ),
          help: t(
            "Aangekondigd per 1 juli 2026; de wettekst en de datum moeten nog worden bevestigd.",
            "Announced for 1 July 2026; the enacted text and date are still to be confirmed.",
          ),
          options: [
            option("ready", t("Ja, we bellen al alleen met toestemming", "Yes, we already call only with consent"), 1),
            option("planned", t("Er is een plan met een datum", "There is a plan with a date"), 0.5),
            option("no_plan", t("Nog geen plan", "No plan yet"), 0),
          ],
          reference: "Aangekondigde wijziging Telecommunicatiewet per 1 juli 2026 [VERIFY: wettekst en datum in het Staatsblad, REFERENCE §10.3]",
        }),
      ],
    },
    {
      key: "tm.call_conduct",
      title: t("Tijdens het gesprek", "During the call"),
      showWhen: callsNaturalPersons,
      questions: [
        // 3.6
        yesNo({
          key: "tm.objection.offered_every_call",
          severity: "critical",
          compliant: "yes",
          text: t(
            "Wordt het recht van verzet in elk gesprek actief aangeboden en altijd gehonoreerd, ook bij klanten en mensen die toestemming gaven?",
            "Is the right to object actively offered in every call and always honoured, also for customers and people who gave consent?",
          ),
          help: t(
            "Alleen een IVR-bandje afspelen is niet genoeg; de persoon moet het tijdens het gesprek horen.",
            "Playing an IVR recording alone is not enough; the person must be told during the call.",
          ),
          reference: "Telecommunicatiewet art. 11.7; ACM ConsuWijzer; Rb. Rotterdam 6-12-2012, ECLI:NL:RBROT:2012:BY5391",
        }),
        number({
          key: "tm.objection.suppression_hours",
          severity: "high",
          text: t(
            "Binnen hoeveel uur na een bezwaar is het nummer van die persoon uit alle bellijsten verwijderd?",
            "Within how many hours of an objection is that person's number removed from all call lists?",
          ),
          help: t(
            "De ACM trof bedrijven aan die bezwaarmakers te traag verwijderden. Standaard: binnen 24 uur volledige score, binnen 72 uur de helft.",
            "The ACM found companies too slow to remove objectors. Default: within 24 hours full credit, within 72 hours half.",
          ),
          unit: t("uur", "hours"),
          min: 0,
          max: 720,
          integer: true,
          thresholds: { direction: "at_most", steps: [[24, 1], [72, 0.5]] },
          reference: "Telecommunicatiewet art. 11.7; ACM (2022): bezwaarmakers te traag verwijderd",
        }),
        yesNo({
          key: "tm.objection.shared_with_client",
          severity: "medium",
          compliant: "yes",
          text: t(
            "Geeft u bezwaren door aan de opdrachtgever, zodat ook andere kanalen en bureaus deze persoon niet meer bellen?",
            "Do you pass objections on to the client, so that other channels and agencies stop calling this person too?",
          ),
          reference: "Telecommunicatiewet art. 11.7; AVG art. 21 (bezwaar tegen direct marketing)",
        }),
        // 3.7
        yesNo({
          key: "tm.callerid.recognisable",
          severity: "critical",
          compliant: "yes",
          text: t(
            "Belt u altijd met een zichtbaar, herkenbaar nummer dat tegen normaal tarief of gratis kan worden teruggebeld?",
            "Do you always call from a visible, recognisable number that can be called back at the normal rate or free of charge?",
          ),
          reference: "Telecommunicatiewet art. 11.7 (geen anonieme oproepen); Code Telemarketing 2020",
        }),
        yesNo({
          key: "tm.callerid.reachable_6_months",
          severity: "high",
          compliant: "yes",
          text: t(
            "Blijft dat nummer ten minste 6 maanden na de campagne bereikbaar?",
            "Does that number stay reachable for at least 6 months after the campaign?",
          ),
          reference: "Code Telemarketing 2024",
        }),
        // 3.8
        yesNo({
          key: "tm.hours.dialer_enforced",
          severity: "high",
          compliant: "yes",
          allowPartly: true,
          text: t(
            "Dwingt de dialer de beldagen en -tijden af die in het belbeleid van de opdrachtgever staan, inclusief geen oproepen op feestdagen, herdenkingsdagen en dagen van nationale rouw?",
            "Does the dialer enforce the calling days and times set in the client's calling policy, including no calls on public holidays, remembrance days and national days of mourning?",
          ),
          help: t(
            "Leg de belmomenten vast in het belbeleid van de opdrachtgever; de precieze tijden uit de Code Telemarketing worden nog geverifieerd.",
            "Set the calling times in the client's calling policy; the exact hours in the Code Telemarketing are still being verified.",
          ),
          reference:
            "Code Telemarketing 2024 (verboden dagen); belmomenten volgens Code Telemarketing 2012 [VERIFY: beltijden in de huidige Code Telemarketing, REFERENCE §10.1]",
        }),
        // 3.9
        evidence({
          key: "tm.script.approved",
          severity: "high",
          requireValidUntil: false,
          maxFiles: 5,
          text: t(
            "Upload het door de opdrachtgever goedgekeurde belscript.",
            "Upload the call script approved by the client.",
          ),
          help: t(
            "Het script noemt aan het begin de naam van de beller en van de opdrachtgever en het doel van het gesprek, vraagt of het gelegen komt, en behandelt het aanbod, de bedenktijd, de kosten en schriftelijke bevestiging waar die verplicht is.",
            "The script gives the caller's and the client's name and the purpose at the start, asks whether the call is convenient, and covers the offer, the cooling-off period, the costs and written confirmation where required.",
          ),
          reference: "Code Telemarketing; business.gov.nl (telefonische verkoop); Code Telemarketing 2024 (schriftelijkheidsvereiste, afkoelmoment)",
        }),
        // 3.10
        yesNo({
          key: "tm.vulnerable.procedure",
          severity: "medium",
          compliant: "yes",
          allowPartly: true,
          text: t(
            "Doet u geen aanbod aan personen die 16 jaar of jonger zijn of lijken, en is er een werkwijze voor kwetsbare of handelingsonbekwame personen?",
            "Do you make no offers to people who are or seem 16 or younger, and is there a procedure for vulnerable people or people who lack capacity?",
          ),
          reference: "Code Telemarketing 2012 (geen aanbod aan personen van 16 jaar of jonger); Gedragscode Telemarketing",
        }),
      ],
    },
    {
      key: "tm.oversight",
      title: t("Training, toezicht en klachten", "Training, oversight and complaints"),
      showWhen: outboundService,
      questions: [
        placed(telemarketingTraining),
        // 3.12
        number({
          key: "tm.complaints.count_12m",
          severity: "info",
          text: t(
            "Hoeveel klachten over telemarketing voor deze opdrachtgever ontving u in de afgelopen 12 maanden (direct, via ACM ConsuWijzer of de Reclame Code Commissie)?",
            "How many telemarketing complaints for this client did you receive in the last 12 months (directly, via ACM ConsuWijzer or the Advertising Code Committee)?",
          ),
          unit: t("klachten", "complaints"),
          min: 0,
          max: 1_000_000,
          integer: true,
          reference: "Code Telemarketing / Stichting Reclame Code; ISO 18295-1:2017 §4",
        }),
        evidence({
          key: "tm.complaints.log",
          severity: "medium",
          requireValidUntil: false,
          maxFiles: 3,
          text: t("Upload het klachtenregister over telemarketing.", "Upload the telemarketing complaints log."),
          reference: "Code Telemarketing / Stichting Reclame Code; ISO 18295-1:2017 §4",
        }),
        // 3.13
        number({
          key: "tm.qa.sampling_percent",
          severity: "medium",
          text: t(
            "Welk percentage van de gesprekken wordt beluisterd op naleving van de regels?",
            "What percentage of calls is reviewed for compliance with the rules?",
          ),
          help: t("Standaard: 5% of meer volledige score, 2% de helft.", "Default: 5% or more full credit, 2% half."),
          unit: t("%", "%"),
          min: 0,
          max: 100,
          thresholds: { direction: "at_least", steps: [[5, 1], [2, 0.5]] },
          reference: "Gedragscode Telemarketing; ketenaansprakelijkheid (Rb. Rotterdam 23-08-2023, ECLI:NL:RBROT:2023:7534)",
        }),
        yesNo({
          key: "tm.qa.findings_shared",
          severity: "medium",
          compliant: "yes",
          text: t(
            "Deelt u de bevindingen van die controles met de opdrachtgever?",
            "Do you share the findings of those reviews with the client?",
          ),
          help: t(
            "De opdrachtgever blijft verantwoordelijk voor de naleving door het callcenter en moet erop kunnen toezien.",
            "The client stays responsible for the call center's compliance and must be able to oversee it.",
          ),
          reference: "Rb. Rotterdam 6-12-2012, ECLI:NL:RBROT:2012:BY5391 (ketenaansprakelijkheid); ACM",
        }),
        // 3.14
        placed(subcontractingUsed),
        placed(subcontractingAuthorised),
        // 3.15
        placed(enforcementRecent),
        placed(enforcementDetails),
      ],
    },
  ],
};
