import type { TemplateContent } from "../model";
import { answered, atLeast, date, evidence, freeText, number, option, singleChoice, t, yesNo } from "./builders";

/**
 * Template 5, "Datalek-paraatheid": can the contact center see a breach, tell the client in
 * time and help it meet arts. 33 and 34 AVG? The processor notifies the controller "without
 * undue delay"; the AVG sets no hour count for it, the contract does (REFERENCE §1.5).
 * Follows REFERENCE §8.5.
 */
export const breachReadinessTemplate: TemplateContent = {
  title: t("Datalek-paraatheid", "Breach readiness"),
  description: t(
    "Voorbereiding op incidenten en datalekken: procedure, meldtermijn aan de opdrachtgever, registratie, detectie, oefening en de keten van subverwerkers.",
    "Preparedness for incidents and personal data breaches: procedure, time to notify the client, register, detection, exercises and the chain of sub-processors.",
  ),
  sections: [
    {
      key: "brc.procedure",
      title: t("Procedure en melding", "Procedure and notification"),
      questions: [
        // 5.1
        evidence({
          key: "brc.procedure.document",
          severity: "high",
          requireValidUntil: false,
          maxFiles: 3,
          text: t(
            "Upload de procedure voor incidenten en datalekken die ook de persoonsgegevens van de opdrachtgever dekt.",
            "Upload the incident and breach response procedure that covers the client's personal data.",
          ),
          reference: "AVG art. 33; ISO/IEC 27001:2022 A.5.24–A.5.26",
        }),
        // 5.2: critical when no time is agreed at all.
        yesNo({
          key: "brc.notify.term_agreed",
          severity: "critical",
          compliant: "yes",
          text: t(
            "Is in de overeenkomst met de opdrachtgever een maximale termijn vastgelegd waarbinnen u een datalek meldt nadat u het ontdekt?",
            "Does the agreement with the client set a maximum time within which you report a breach after becoming aware of it?",
          ),
          help: t(
            "De opdrachtgever moet de AP waar mogelijk binnen 72 uur informeren; uw melding moet daar ruim binnen vallen.",
            "The client must notify the AP within 72 hours where feasible; your notification must come well within that.",
          ),
          reference: "AVG art. 33 lid 2 ('zonder onredelijke vertraging'); AVG art. 33 lid 1 (72 uur voor de verwerkingsverantwoordelijke)",
        }),
        number({
          key: "brc.notify.hours",
          severity: "high",
          showWhen: answered("brc.notify.term_agreed", "yes"),
          text: t("Wat is die termijn in uren?", "What is that time in hours?"),
          help: t(
            "Standaard: 24 uur of minder geeft volledige score, 48 uur de helft.",
            "Default: 24 hours or less earns full credit, 48 hours half.",
          ),
          unit: t("uur", "hours"),
          min: 0,
          max: 720,
          integer: true,
          thresholds: { direction: "at_most", steps: [[24, 1], [48, 0.5]] },
          reference: "AVG art. 33 lid 2",
        }),
        // 5.3
        evidence({
          key: "brc.notify.template",
          severity: "medium",
          requireValidUntil: false,
          maxFiles: 2,
          text: t(
            "Upload het meldformulier aan de opdrachtgever: aard van het lek, categorieën en aantallen betrokkenen en gegevens, contactpunt, gevolgen en maatregelen, met ruimte voor aanvullingen in fasen.",
            "Upload the notification form to the client: nature of the breach, categories and numbers of data subjects and records, contact point, consequences and measures, allowing updates in phases.",
          ),
          reference: "AVG art. 33 lid 3 en 4",
        }),
        // 5.4
        freeText({
          key: "brc.contact.around_the_clock",
          severity: "medium",
          text: t(
            "Wat is het contactpunt voor beveiliging en privacy dat de opdrachtgever dag en nacht kan bereiken?",
            "What is the security and privacy contact point the client can reach day and night?",
          ),
          reference: "AVG art. 33 lid 3 sub b",
        }),
        // 5.5
        yesNo({
          key: "brc.register.all_incidents",
          severity: "high",
          compliant: "yes",
          text: t(
            "Houdt u een register bij van alle incidenten en datalekken, ook die niet zijn gemeld?",
            "Do you keep a register of all incidents and breaches, including those not notified?",
          ),
          reference: "AVG art. 33 lid 5",
        }),
      ],
    },
    {
      key: "brc.detection",
      title: t("Detectie en oefening", "Detection and exercises"),
      questions: [
        // 5.6
        singleChoice({
          key: "brc.detection.capability",
          severity: "medium",
          text: t(
            "Hoe ontdekt u ongeoorloofde toegang tot of uitlekken van gegevens van de opdrachtgever?",
            "How do you detect unauthorised access to, or exfiltration of, the client's data?",
          ),
          options: [
            option("soc_24x7", t("Een security operations center dat dag en nacht bewaakt", "A security operations center monitoring around the clock"), 1),
            option("automated_alerts", t("Automatische meldingen op logbestanden", "Automated alerts on logs"), 0.75),
            option("manual_review", t("Periodieke handmatige controle van logbestanden", "Periodic manual log review"), 0.5),
            option("none", t("Geen gerichte detectie", "No specific detection"), 0),
          ],
          reference: "AVG overweging 87; ISO/IEC 27001:2022 A.8.15–A.8.16",
        }),
        // 5.7
        number({
          key: "brc.agents.reporting_trained_percent",
          severity: "high",
          text: t(
            "Welk percentage van de agents is getraind in het intern melden van een (mogelijk) datalek?",
            "What percentage of agents is trained to report a (suspected) breach internally?",
          ),
          help: t("90% of meer geeft volledige score, 75% de helft.", "90% or more earns full credit, 75% half."),
          unit: t("%", "%"),
          min: 0,
          max: 100,
          thresholds: { direction: "at_least", steps: [[90, 1], [75, 0.5]] },
          reference: "AVG art. 33 lid 2; ISO/IEC 27001:2022 A.6.8",
        }),
        // 5.8
        date({
          key: "brc.tabletop.date",
          severity: "medium",
          maxAgeMonths: 12,
          text: t(
            "Wanneer heeft u voor het laatst een oefening (tabletop) met een datalek gehouden?",
            "When did you last hold a breach tabletop exercise?",
          ),
          reference: "ISO/IEC 27001:2022 A.5.24, A.5.27",
        }),
      ],
    },
    {
      key: "brc.history_chain",
      title: t("Voorgeschiedenis en keten", "History and supply chain"),
      questions: [
        // 5.9
        number({
          key: "brc.history.count_24m",
          severity: "info",
          text: t(
            "Hoeveel datalekken met persoonsgegevens van opdrachtgevers heeft u in de afgelopen 24 maanden vastgesteld?",
            "How many breaches involving clients' personal data did you establish in the last 24 months?",
          ),
          unit: t("datalekken", "breaches"),
          min: 0,
          max: 100_000,
          integer: true,
          reference: "AVG art. 33 lid 5",
        }),
        number({
          key: "brc.history.median_notify_hours",
          severity: "high",
          showWhen: atLeast("brc.history.count_24m", 1),
          text: t(
            "Na hoeveel uur meldde u die datalekken gemiddeld (mediaan) aan de opdrachtgever?",
            "After how many hours, on median, did you notify the client of those breaches?",
          ),
          unit: t("uur", "hours"),
          min: 0,
          max: 8_760,
          thresholds: { direction: "at_most", steps: [[24, 1], [48, 0.5]] },
          reference: "AVG art. 33 lid 2",
        }),
        // 5.10
        yesNo({
          key: "brc.subprocessors.notify_term",
          severity: "high",
          compliant: "yes",
          allowPartly: true,
          text: t(
            "Moeten uw subverwerkers u binnen een vastgelegde termijn over een datalek informeren?",
            "Must your sub-processors inform you of a breach within a set time?",
          ),
          reference: "AVG art. 28 lid 4; AVG art. 33 lid 2",
        }),
        number({
          key: "brc.subprocessors.notify_hours",
          severity: "medium",
          showWhen: answered("brc.subprocessors.notify_term", "yes"),
          text: t("Wat is die termijn in uren?", "What is that time in hours?"),
          help: t("Standaard: 24 uur of minder volledige score, 48 uur de helft.", "Default: 24 hours or less full credit, 48 hours half."),
          unit: t("uur", "hours"),
          min: 0,
          max: 720,
          integer: true,
          thresholds: { direction: "at_most", steps: [[24, 1], [48, 0.5]] },
          reference: "AVG art. 28 lid 4; AVG art. 33 lid 2",
        }),
        // 5.11
        yesNo({
          key: "brc.data_subject_support",
          severity: "medium",
          compliant: "yes",
          text: t(
            "Kunt u de opdrachtgever helpen betrokkenen te informeren over een datalek, bijvoorbeeld met capaciteit om hen te bellen?",
            "Can you help the client inform data subjects of a breach, for example with capacity to call them?",
          ),
          reference: "AVG art. 28 lid 3 sub f; AVG art. 34",
        }),
        // 5.12
        yesNo({
          key: "brc.lessons_learned",
          severity: "low",
          compliant: "yes",
          text: t(
            "Bewaart u bewijs bij incidenten en legt u na afloop de geleerde lessen vast?",
            "Do you preserve evidence during incidents and record the lessons learned afterwards?",
          ),
          reference: "ISO/IEC 27001:2022 A.5.27–A.5.28",
        }),
      ],
    },
  ],
};
