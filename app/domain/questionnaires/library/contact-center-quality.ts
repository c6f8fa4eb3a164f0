import type { TemplateContent } from "../model";
import { answered, evidence, freeText, multipleChoice, number, option, singleChoice, t, yesNo } from "./builders";
import { placed, subcontractingAuthorised, subcontractingUsed } from "./shared-questions";

/**
 * Template 6, "Contactcenter-kwaliteit ISO 18295 / KSF": the service side of the partnership.
 * ISO 18295-1 is a process standard, not a performance standard (REFERENCE §4.1), so the
 * questions ask whether processes exist and are reported, and few numbers are scored.
 * Follows REFERENCE §8.6.
 */
export const contactCenterQualityTemplate: TemplateContent = {
  title: t("Contactcenterkwaliteit (ISO 18295 / KSF)", "Contact-center quality (ISO 18295 / KSF)"),
  description: t(
    "Kwaliteit van de klantcontactdienstverlening volgens ISO 18295-1: klantrelatie, leiderschap, medewerkers, operationele processen, infrastructuur en de relatie met de opdrachtgever.",
    "Quality of the customer contact service under ISO 18295-1: customer relationship, leadership, staff, operational processes, infrastructure and the relationship with the client.",
  ),
  sections: [
    {
      key: "ccq.certification",
      title: t("Certificering", "Certification"),
      questions: [
        // 6.1
        singleChoice({
          key: "ccq.iso18295.status",
          severity: "medium",
          text: t(
            "Bent u gecertificeerd volgens ISO 18295-1, of heeft u een zelfevaluatie tegen die norm gedaan?",
            "Are you certified to ISO 18295-1, or have you carried out a self-assessment against it?",
          ),
          options: [
            option("certified", t("Gecertificeerd", "Certified"), 1),
            option("self_assessment", t("Zelfevaluatie", "Self-assessment"), 0.5),
            option("none", t("Geen van beide", "Neither"), 0),
          ],
          reference: "ISO 18295-1:2017 [VERIFY: welke instellingen in Nederland ISO 18295 certificeren, REFERENCE §10.8]",
        }),
        evidence({
          key: "ccq.iso18295.certificate",
          severity: "medium",
          requireValidUntil: true,
          maxFiles: 2,
          showWhen: answered("ccq.iso18295.status", "certified"),
          text: t(
            "Upload het ISO 18295-1-certificaat met de certificerende instelling en de scope.",
            "Upload the ISO 18295-1 certificate showing the certification body and scope.",
          ),
          reference: "ISO 18295-1:2017",
        }),
        evidence({
          key: "ccq.iso18295.self_assessment",
          severity: "low",
          requireValidUntil: false,
          maxFiles: 2,
          showWhen: answered("ccq.iso18295.status", "self_assessment"),
          text: t("Upload de zelfevaluatie.", "Upload the self-assessment."),
          reference: "ISO 18295-1:2017",
        }),
      ],
    },
    {
      key: "ccq.customer",
      title: t("Klantrelatie", "Customer relationship"),
      questions: [
        // 6.2
        freeText({
          key: "ccq.customer.information",
          severity: "low",
          multiline: true,
          text: t(
            "Welke informatie geeft u klanten van de opdrachtgever over de kanalen, openingstijden, verwachte wachttijd en kosten van contact?",
            "What information do you give the client's customers about channels, opening hours, expected waiting time and cost of contact?",
          ),
          reference: "ISO 18295-1:2017 §4.2",
        }),
        // 6.3
        multipleChoice({
          key: "ccq.cx.methods",
          severity: "medium",
          combine: "sum",
          text: t("Hoe meet u de klantervaring?", "How do you measure customer experience?"),
          options: [
            option("csat", t("Klanttevredenheid (CSAT)", "Customer satisfaction (CSAT)"), 1),
            option("nps", t("Net Promoter Score (NPS)", "Net Promoter Score (NPS)"), 1),
            option("ces", t("Customer Effort Score (CES)", "Customer Effort Score (CES)"), 1),
            option("other", t("Een andere methode", "Another method"), 1),
            option("none", t("We meten de klantervaring niet", "We do not measure customer experience"), 0, { exclusive: true }),
          ],
          reference: "ISO 18295-1:2017 §4.3",
        }),
        singleChoice({
          key: "ccq.cx.frequency",
          severity: "medium",
          text: t("Hoe vaak meet u de klantervaring?", "How often do you measure customer experience?"),
          options: [
            option("continuous", t("Doorlopend of maandelijks", "Continuously or monthly"), 1),
            option("quarterly", t("Elk kwartaal", "Quarterly"), 0.75),
            option("yearly", t("Jaarlijks", "Yearly"), 0.5),
            option("never", t("Niet", "Not at all"), 0),
          ],
          reference: "ISO 18295-1:2017 §4.3",
        }),
        // 6.4
        evidence({
          key: "ccq.complaints.process",
          severity: "medium",
          requireValidUntil: false,
          maxFiles: 3,
          text: t("Upload de procedure voor klachtafhandeling.", "Upload the complaint-handling procedure."),
          reference: "ISO 18295-1:2017 §4; Code Telemarketing / Stichting Reclame Code",
        }),
        number({
          key: "ccq.complaints.resolution_days",
          severity: "medium",
          text: t(
            "Wat is uw streeftermijn voor het oplossen van een klacht, in werkdagen?",
            "What is your target time for resolving a complaint, in working days?",
          ),
          help: t("Standaard: 5 werkdagen of minder volledige score, 10 de helft.", "Default: 5 working days or fewer full credit, 10 half."),
          unit: t("werkdagen", "working days"),
          min: 0,
          max: 90,
          integer: true,
          thresholds: { direction: "at_most", steps: [[5, 1], [10, 0.5]] },
          reference: "ISO 18295-1:2017 §4",
        }),
        yesNo({
          key: "ccq.complaints.escalation",
          severity: "medium",
          compliant: "yes",
          text: t(
            "Is vastgelegd welke klachten u naar de opdrachtgever escaleert, en hoe snel?",
            "Is it set out which complaints you escalate to the client, and how quickly?",
          ),
          reference: "ISO 18295-1:2017 §4 en bijlage B",
        }),
      ],
    },
    {
      key: "ccq.organisation",
      title: t("Leiderschap en medewerkers", "Leadership and staff"),
      questions: [
        // 6.5
        freeText({
          key: "ccq.leadership.quality_owner",
          severity: "low",
          text: t(
            "Wie is eigenaar van de kwaliteit en hoe vaak beoordeelt het management die?",
            "Who owns quality, and how often does management review it?",
          ),
          reference: "ISO 18295-1:2017 §5",
        }),
        // 6.6
        yesNo({
          key: "ccq.agents.competence_framework",
          severity: "medium",
          compliant: "yes",
          allowPartly: true,
          text: t(
            "Is er een competentieprofiel voor agents, met inwerkprogramma en coaching?",
            "Is there a competence framework for agents, with onboarding and coaching?",
          ),
          reference: "ISO 18295-1:2017 §6",
        }),
        number({
          key: "ccq.agents.onboarding_days",
          severity: "info",
          text: t(
            "Hoeveel dagen duurt het inwerkprogramma voor een agent op deze opdracht?",
            "How many days does an agent's onboarding for this client take?",
          ),
          unit: t("dagen", "days"),
          min: 0,
          max: 365,
          reference: "ISO 18295-1:2017 §6",
        }),
        // 6.7
        number({
          key: "ccq.agents.attrition_percent",
          severity: "info",
          text: t("Wat was het verloop onder agents in de afgelopen 12 maanden?", "What was agent attrition over the last 12 months?"),
          unit: t("%", "%"),
          min: 0,
          max: 1000,
          reference: "ISO 18295-1:2017 §6; KSF-servicebelofte 4",
        }),
        number({
          key: "ccq.agents.sick_leave_percent",
          severity: "info",
          text: t("Wat was het ziekteverzuim onder agents in de afgelopen 12 maanden?", "What was agent sick leave over the last 12 months?"),
          unit: t("%", "%"),
          min: 0,
          max: 100,
          reference: "ISO 18295-1:2017 §6; KSF-servicebelofte 4",
        }),
      ],
    },
    {
      key: "ccq.operations",
      title: t("Operationele processen en infrastructuur", "Operational processes and infrastructure"),
      questions: [
        // 6.8
        yesNo({
          key: "ccq.wfm.forecasting",
          severity: "medium",
          compliant: "yes",
          text: t(
            "Plant u de bezetting op basis van een prognose van het contactvolume (workforce management)?",
            "Do you plan staffing from a forecast of contact volumes (workforce management)?",
          ),
          reference: "ISO 18295-1:2017 §7",
        }),
        number({
          key: "ccq.qa.scored_per_agent_month",
          severity: "medium",
          text: t(
            "Hoeveel contacten per agent per maand worden beoordeeld op kwaliteit?",
            "How many contacts per agent per month are scored for quality?",
          ),
          help: t("Standaard: 4 of meer volledige score, 2 de helft.", "Default: 4 or more full credit, 2 half."),
          unit: t("contacten", "contacts"),
          min: 0,
          max: 1000,
          integer: true,
          thresholds: { direction: "at_least", steps: [[4, 1], [2, 0.5]] },
          reference: "ISO 18295-1:2017 §7",
        }),
        // 6.9
        multipleChoice({
          key: "ccq.kpis.reported",
          severity: "medium",
          combine: "sum",
          text: t("Over welke prestatie-indicatoren rapporteert u aan de opdrachtgever?", "Which performance indicators do you report to the client?"),
          options: [
            option("service_level", t("Service level", "Service level"), 0.2),
            option("abandon_rate", t("Percentage afgebroken contacten", "Abandon rate"), 0.2),
            option("first_contact_resolution", t("Oplossing bij eerste contact", "First-contact resolution"), 0.2),
            option("handling_time", t("Gemiddelde afhandeltijd", "Average handling time"), 0.2),
            option("quality_score", t("Kwaliteitsscore", "Quality score"), 0.2),
            option("none", t("Geen van deze", "None of these"), 0, { exclusive: true }),
          ],
          reference: "ISO 18295-1:2017 bijlage A (de keuze van indicatoren is ons voorstel)",
        }),
        // 6.10
        freeText({
          key: "ccq.infrastructure.resilience",
          severity: "medium",
          multiline: true,
          text: t(
            "Hoe is de bereikbaarheid geborgd bij uitval: redundante telefonie, uitwijk naar een andere locatie, werkomgeving?",
            "How is availability ensured during an outage: redundant telephony, fail-over to another site, work environment?",
          ),
          reference: "ISO 18295-1:2017 §8",
        }),
      ],
    },
    {
      key: "ccq.governance",
      title: t("Relatie met de opdrachtgever", "Relationship with the client"),
      questions: [
        // 6.11
        singleChoice({
          key: "ccq.governance.reporting_frequency",
          severity: "medium",
          text: t("Hoe vaak rapporteert u aan de opdrachtgever?", "How often do you report to the client?"),
          options: [
            option("weekly", t("Wekelijks", "Weekly"), 1),
            option("monthly", t("Maandelijks", "Monthly"), 1),
            option("quarterly", t("Elk kwartaal", "Quarterly"), 0.5),
            option("none", t("Niet periodiek", "Not periodically"), 0),
          ],
          reference: "ISO 18295-1:2017 §9 en bijlage B; ISO 18295-2:2017",
        }),
        evidence({
          key: "ccq.governance.sla",
          severity: "medium",
          requireValidUntil: false,
          maxFiles: 3,
          text: t(
            "Upload de service level agreement met de afspraken over overleg en wijzigingsbeheer.",
            "Upload the service level agreement with the arrangements for meetings and change control.",
          ),
          reference: "ISO 18295-1:2017 §9 en bijlage B; ISO 18295-2:2017",
        }),
        // 6.12
        placed(subcontractingUsed),
        placed(subcontractingAuthorised),
        // 6.13
        yesNo({
          key: "ccq.ksf.member",
          severity: "low",
          compliant: "yes",
          text: t(
            "Bent u lid van de Klantenservice Federatie en onderschrijft u de zeven servicebeloften?",
            "Are you a member of the Klantenservice Federatie (KSF) and committed to its seven service promises?",
          ),
          reference: "KSF-servicebeloften (bindend voor leden sinds 1 januari 2021)",
        }),
      ],
    },
  ],
};
