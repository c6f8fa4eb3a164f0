import type { TemplateContent } from "../model";
import { answeredYesOrPartly, date, evidence, multipleChoice, number, option, outboundService, t, yesNo } from "./builders";
import { placed, staffConfidentiality, telemarketingTraining } from "./shared-questions";

/**
 * Template 4, "Training & bewustwording": is every person who touches the client's data
 * instructed before access and kept current? The AVG sets no yearly frequency (REFERENCE 7.1);
 * the 12-month refresher follows PCI DSS 12.6.3 and ISO 27001 A.6.3. Follows REFERENCE §8.4.
 */
export const trainingAwarenessTemplate: TemplateContent = {
  title: t("Training en bewustwording", "Training and awareness"),
  description: t(
    "Privacy- en beveiligingstraining van agents, teamleiders, kwaliteitsmedewerkers en IT: introductie, jaarlijkse herhaling, inhoud, toetsing en registratie per persoon.",
    "Privacy and security training of agents, team leads, quality staff and IT: induction, yearly refresher, content, assessment and per-person records.",
  ),
  sections: [
    {
      key: "trn.programme",
      title: t("Trainingsprogramma", "Training programme"),
      questions: [
        // 4.1
        yesNo({
          key: "trn.induction.before_access",
          severity: "critical",
          compliant: "yes",
          text: t(
            "Krijgt iedereen een privacy- en beveiligingsintroductie voordat hij of zij voor het eerst toegang krijgt tot gegevens van de opdrachtgever?",
            "Does everyone receive a privacy and security induction before first getting access to the client's data?",
          ),
          reference: "AVG art. 29 en art. 32 lid 4; PCI DSS v4.0.1 12.6.3 (bij indiensttreding)",
        }),
        // 4.2
        yesNo({
          key: "trn.refresher.annual",
          severity: "high",
          compliant: "yes",
          allowPartly: true,
          text: t(
            "Volgen alle betrokken medewerkers (agents, teamleiders, kwaliteitsmedewerkers, IT) ten minste elke 12 maanden een herhalingstraining?",
            "Do all staff in scope (agents, team leads, quality staff, IT) take a refresher at least every 12 months?",
          ),
          help: t(
            "De 12 maanden lopen per persoon vanaf de datum van indiensttreding.",
            "The 12 months run per person from their start date.",
          ),
          reference: "PCI DSS v4.0.1 12.6.3; ISO/IEC 27001:2022 A.6.3; AVG art. 39 lid 1 sub b",
        }),
        // 4.3
        number({
          key: "trn.refresher.current_percent",
          severity: "high",
          text: t(
            "Welk percentage van de betrokken agents heeft een training afgerond die niet ouder is dan 12 maanden?",
            "What percentage of the agents in scope has completed training that is no older than 12 months?",
          ),
          help: t("90% of meer geeft volledige score, 75% de helft.", "90% or more earns full credit, 75% half."),
          unit: t("%", "%"),
          min: 0,
          max: 100,
          thresholds: { direction: "at_least", steps: [[90, 1], [75, 0.5]] },
          reference: "ISO/IEC 27001:2022 A.6.3; PCI DSS v4.0.1 12.6.3",
        }),
        // 4.4
        multipleChoice({
          key: "trn.curriculum.topics",
          severity: "medium",
          combine: "sum",
          text: t("Welke onderwerpen behandelt de training?", "Which topics does the training cover?"),
          help: t(
            "De onderwerpen telemarketing en kaartgegevens gelden alleen waar ze van toepassing zijn en tellen daarom niet mee in de score.",
            "The telemarketing and card-data topics apply only where relevant, so they do not count towards the score.",
          ),
          options: [
            option("gdpr_principles", t("Uitgangspunten van de AVG", "GDPR principles"), 1 / 6),
            option("caller_verification", t("Identiteit van bellers vaststellen", "Verifying callers' identity"), 1 / 6),
            option("breach_reporting", t("Datalekken herkennen en intern melden", "Recognising and reporting breaches internally"), 1 / 6),
            option("data_subject_requests", t("Verzoeken van betrokkenen herkennen en doorsturen", "Recognising and forwarding data-subject requests"), 1 / 6),
            option("phishing_social_engineering", t("Phishing en social engineering", "Phishing and social engineering"), 1 / 6),
            option("clean_desk", t("Clean desk en clean screen", "Clear desk and clear screen"), 1 / 6),
            option("telemarketing_rules", t("Recht van verzet en telemarketingregels", "Right to object and telemarketing rules"), 0),
            option("card_data", t("Omgaan met kaartgegevens", "Handling card data"), 0),
          ],
          reference: "AVG art. 33 lid 2; AP-boete SVB (2023); Telecommunicatiewet art. 11.7; PCI DSS v4.0.1 12.6.3.1",
        }),
        // 4.5
        number({
          key: "trn.assessment.pass_mark",
          severity: "medium",
          text: t(
            "Wat is de cesuur (het percentage goede antwoorden) van de kennistoets na de training? Vul 0 in als er geen toets is.",
            "What is the pass mark (percentage of correct answers) of the knowledge test after the training? Enter 0 if there is no test.",
          ),
          help: t("Standaard: 70% of hoger volledige score, 50% de helft.", "Default: 70% or higher full credit, 50% half."),
          unit: t("%", "%"),
          min: 0,
          max: 100,
          thresholds: { direction: "at_least", steps: [[70, 1], [50, 0.5]] },
          reference: "Verantwoordingsplicht AVG art. 5 lid 2 (bewijs van begrip bij online training)",
        }),
        // 4.6
        yesNo({
          key: "trn.policy.ack_annual",
          severity: "medium",
          compliant: "yes",
          text: t(
            "Bevestigt iedere medewerker jaarlijks dat hij of zij het beveiligingsbeleid heeft gelezen en begrepen?",
            "Does every member of staff confirm each year that they have read and understood the security policy?",
          ),
          reference: "PCI DSS v4.0.1 12.6.3",
        }),
        // 4.7
        yesNo({
          key: "trn.client_specific",
          severity: "medium",
          compliant: "yes",
          allowPartly: true,
          text: t(
            "Krijgen agents een instructie over de processen, gegevens en scripts van deze opdrachtgever voordat zij voor haar werken?",
            "Are agents instructed on this client's processes, data and scripts before they work for it?",
          ),
          reference: "AVG art. 28 lid 3 sub a; AVG art. 29",
        }),
        // 4.10
        date({
          key: "trn.programme.reviewed_on",
          severity: "low",
          maxAgeMonths: 12,
          text: t("Wanneer is het trainingsprogramma voor het laatst herzien?", "When was the training programme last reviewed?"),
          reference: "PCI DSS v4.0.1 12.6.2",
        }),
        // REFERENCE 7.4: the SVB fine cited no check on whether agents followed the verification policy.
        yesNo({
          key: "trn.verification.followed_checked",
          severity: "high",
          compliant: "yes",
          text: t(
            "Controleert u steekproefsgewijs of agents de werkinstructie voor het vaststellen van de identiteit van bellers volgen?",
            "Do you check by sampling whether agents follow the work instruction for verifying callers' identity?",
          ),
          reference: "AVG art. 32; AP-boete SVB (2023)",
        }),
        // REFERENCE 7.7: monitoring is a privacy intrusion for agents too.
        yesNo({
          key: "trn.monitoring.agents_informed",
          severity: "medium",
          compliant: "yes",
          allowNotApplicable: true,
          text: t(
            "Weten agents wanneer hun gesprekken worden opgenomen, meegeluisterd of beoordeeld?",
            "Do agents know when their calls are recorded, listened in on or scored?",
          ),
          reference: "AVG art. 5 lid 1 sub a; DPIA-lijst AP (monitoring van werknemers); FNV Privacyprotocol Call Centers (2003)",
        }),
        // 4.9
        placed(telemarketingTraining, outboundService),
      ],
    },
    {
      key: "trn.records",
      title: t("Registratie en attestatie", "Records and attestation"),
      questions: [
        // 4.11
        evidence({
          key: "trn.records.export",
          severity: "high",
          requireValidUntil: false,
          maxFiles: 3,
          text: t(
            "Upload een export van de trainingsregistratie per persoon voor de medewerkers die voor deze opdrachtgever werken.",
            "Upload an export of the per-person training records for the staff working for this client.",
          ),
          help: t(
            "Per persoon en training: een gepseudonimiseerd personeelsnummer, rol, training en versie, datum van afronding, toetsresultaat en geldig-tot-datum. Namen blijven bij u, tenzij een audit daarom vraagt.",
            "Per person and course: a pseudonymous employee number, role, course and version, completion date, test result and valid-until date. Names stay with you unless an audit asks for them.",
          ),
          reference: "ISO/IEC 27001:2022 A.6.3; AVG art. 5 lid 2 (verantwoordingsplicht)",
        }),
        // 4.12
        placed(staffConfidentiality),
        // 4.8
        yesNo({
          key: "trn.ksf.certified",
          severity: "low",
          compliant: "yes",
          allowPartly: true,
          text: t(
            "Behalen uw agents het KSF Branchecertificaat (A, B of chat)?",
            "Do your agents obtain the KSF sector certificate (A, B or chat)?",
          ),
          reference: "KSF Branchecertificaat",
        }),
        number({
          key: "trn.ksf.within_12_weeks_percent",
          severity: "low",
          showWhen: answeredYesOrPartly("trn.ksf.certified"),
          text: t(
            "Welk percentage van de agents behaalt het certificaat binnen 12 weken na de start in een klantcontactfunctie?",
            "What percentage of agents obtains the certificate within 12 weeks of starting in a customer-contact role?",
          ),
          help: t("90% of meer geeft volledige score, 75% de helft.", "90% or more earns full credit, 75% half."),
          unit: t("%", "%"),
          min: 0,
          max: 100,
          thresholds: { direction: "at_least", steps: [[90, 1], [75, 0.5]] },
          reference: "KSF Branchecertificaat (examen geadviseerd vóór week 12)",
        }),
      ],
    },
  ],
};
