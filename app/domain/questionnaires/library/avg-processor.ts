import type { TemplateContent } from "../model";
import {
  answered,
  answeredYesOrPartly,
  date,
  evidence,
  freeText,
  gate,
  multipleChoice,
  number,
  option,
  singleChoice,
  t,
  yesNo,
} from "./builders";
import { enforcementDetails, enforcementRecent, placed, staffConfidentiality } from "./shared-questions";

/**
 * Template 1, "AVG-verwerkersbeoordeling": is the contact center a processor that gives the
 * "sufficient guarantees" of art. 28 AVG? Follows REFERENCE §8.1 (facts in §1); numbers in
 * comments are the rows of that table.
 */
export const avgProcessorTemplate: TemplateContent = {
  title: t("AVG-verwerkersbeoordeling", "GDPR processor assessment"),
  description: t(
    "Toetst of het contactcenter als verwerker voldoende garanties biedt onder artikel 28 AVG: de verwerkersovereenkomst, instructies, subverwerkers, doorgifte, verantwoording en het einde van de dienstverlening.",
    "Assesses whether the contact center, as a processor, gives sufficient guarantees under Article 28 GDPR: the processing agreement, instructions, sub-processors, transfers, accountability and the end of the service.",
  ),
  sections: [
    {
      key: "avg.agreement",
      title: t("Verwerkersovereenkomst en instructies", "Processing agreement and instructions"),
      questions: [
        // 1.1
        evidence({
          key: "avg.dpa.signed",
          severity: "critical",
          requireValidUntil: false,
          maxFiles: 5,
          text: t(
            "Upload de getekende verwerkersovereenkomst voor deze dienstverlening, met alle bijlagen.",
            "Upload the signed data processing agreement for this service, with all annexes.",
          ),
          help: t(
            "De overeenkomst moet schriftelijk zijn; elektronisch telt ook. Standaardcontractbepalingen uit Uitvoeringsbesluit (EU) 2021/915 zijn toegestaan.",
            "The agreement must be in writing; electronic form counts. Standard contractual clauses from Implementing Decision (EU) 2021/915 are allowed.",
          ),
          reference: "AVG art. 28 lid 3 en lid 9; Uitvoeringsbesluit (EU) 2021/915",
        }),
        date({
          key: "avg.dpa.effective_date",
          severity: "info",
          allowFuture: true,
          text: t("Vanaf welke datum geldt de verwerkersovereenkomst?", "From which date does the processing agreement apply?"),
          reference: "AVG art. 28 lid 3 (duur van de verwerking)",
        }),
        yesNo({
          key: "avg.dpa.processing_annex",
          severity: "high",
          compliant: "yes",
          allowPartly: true,
          text: t(
            "Beschrijven de overeenkomst of een bijlage het onderwerp, de duur, de aard en het doel van de verwerking, het soort persoonsgegevens en de categorieën betrokkenen?",
            "Do the agreement or an annex describe the subject-matter, duration, nature and purpose of the processing, the types of personal data and the categories of data subjects?",
          ),
          help: t(
            "Een letterlijke herhaling van artikel 28 is niet genoeg: de beschrijving moet concreet over deze dienstverlening gaan.",
            "Restating Article 28 word for word is not enough: the description must be specific to this service.",
          ),
          reference: "AVG art. 28 lid 3 (aanhef); Uitvoeringsbesluit (EU) 2021/915 bijlage II; EDPB-richtsnoeren 07/2020",
        }),
        // 1.3
        yesNo({
          key: "avg.instructions.documented",
          severity: "critical",
          compliant: "yes",
          text: t(
            "Verwerkt u persoonsgegevens van de opdrachtgever uitsluitend op basis van haar gedocumenteerde instructies, ook bij doorgifte naar derde landen?",
            "Do you process the client's personal data only on its documented instructions, including for transfers to third countries?",
          ),
          help: t(
            "Instructies mogen in elke schriftelijke vorm worden gegeven, ook per e-mail, zolang ze worden bewaard.",
            "Instructions may be given in any written form, including e-mail, as long as a record is kept.",
          ),
          reference: "AVG art. 28 lid 3 sub a; AVG art. 29",
        }),
        yesNo({
          key: "avg.instructions.unlawful_flag",
          severity: "high",
          compliant: "yes",
          text: t(
            "Is er een vaste route waarlangs u de opdrachtgever onmiddellijk informeert als een instructie naar uw oordeel in strijd is met de AVG of andere privacywetgeving?",
            "Is there a set route by which you immediately inform the client when, in your opinion, an instruction infringes the GDPR or other data-protection law?",
          ),
          reference: "AVG art. 28 lid 3, laatste zin [VERIFY: exacte formulering tegen EUR-Lex, REFERENCE §10.7]",
        }),
        // 1.4
        staffConfidentiality,
        evidence({
          key: "avg.confidentiality.template",
          severity: "low",
          requireValidUntil: false,
          maxFiles: 2,
          showWhen: answeredYesOrPartly("hr.confidentiality.signed"),
          text: t("Upload het model van de geheimhoudingsverklaring.", "Upload the template of the confidentiality agreement."),
          reference: "AVG art. 28 lid 3 sub b; ISO/IEC 27001:2022 A.6.6",
        }),
      ],
    },
    {
      key: "avg.subprocessors",
      title: t("Subverwerkers", "Sub-processors"),
      questions: [
        // 1.5
        evidence({
          key: "avg.subprocessors.list",
          severity: "high",
          requireValidUntil: false,
          maxFiles: 3,
          text: t(
            "Upload de actuele lijst van subverwerkers voor deze dienstverlening: naam, dienst, land en welke gegevens zij verwerken.",
            "Upload the current list of sub-processors for this service: name, service, country and which data they process.",
          ),
          help: t(
            "Denk aan het telefonie- of CCaaS-platform, CRM, workforce management, kwaliteitsmonitoring en opnamesoftware.",
            "Think of the telephony or CCaaS platform, CRM, workforce management, quality monitoring and recording tools.",
          ),
          reference: "AVG art. 28 lid 2 en lid 4; Uitvoeringsbesluit (EU) 2021/915 bijlage IV",
        }),
        // 1.6
        singleChoice({
          key: "avg.subprocessors.authorisation",
          severity: "high",
          text: t(
            "Op welke manier heeft de opdrachtgever toestemming gegeven voor het inschakelen van subverwerkers?",
            "How has the client authorised the engagement of sub-processors?",
          ),
          options: [
            option("specific", t("Specifieke voorafgaande schriftelijke toestemming per subverwerker", "Prior specific written authorisation per sub-processor"), 1),
            option("general", t("Algemene schriftelijke toestemming, met vooraankondiging van wijzigingen", "General written authorisation, with prior notice of changes"), 1),
            option("none", t("Geen schriftelijke toestemming", "No written authorisation"), 0),
          ],
          reference: "AVG art. 28 lid 2",
        }),
        number({
          key: "avg.subprocessors.notice_days",
          severity: "high",
          showWhen: answered("avg.subprocessors.authorisation", "general"),
          text: t(
            "Hoeveel dagen vooraf informeert u de opdrachtgever over een nieuwe of vervangende subverwerker, zodat zij bezwaar kan maken?",
            "How many days in advance do you inform the client of an added or replaced sub-processor, so that it can object?",
          ),
          help: t(
            "Standaard: 30 dagen of meer geeft volledige score, 14 dagen de helft. De opdrachtgever kan deze drempels in haar eigen versie aanpassen.",
            "Default: 30 days or more earns full credit, 14 days half. The client may change these thresholds in its own version.",
          ),
          unit: t("dagen", "days"),
          min: 0,
          max: 365,
          integer: true,
          thresholds: { direction: "at_least", steps: [[30, 1], [14, 0.5]] },
          reference: "AVG art. 28 lid 2 (termijn volgens beleid van de opdrachtgever)",
        }),
        // 1.7
        yesNo({
          key: "avg.subprocessors.same_obligations",
          severity: "high",
          compliant: "yes",
          allowPartly: true,
          text: t(
            "Legt u subverwerkers contractueel dezelfde gegevensbeschermingsverplichtingen op als die in uw verwerkersovereenkomst met de opdrachtgever?",
            "Do you bind sub-processors by contract to the same data-protection obligations as those in your processing agreement with the client?",
          ),
          help: t(
            "Als een subverwerker tekortschiet, blijft u volledig aansprakelijk tegenover de opdrachtgever.",
            "If a sub-processor fails, you remain fully liable to the client.",
          ),
          reference: "AVG art. 28 lid 4",
        }),
      ],
    },
    {
      key: "avg.transfers",
      title: t("Doorgifte buiten de EER", "Transfers outside the EEA"),
      questions: [
        // 1.8
        gate({
          key: "avg.transfers.outside_eea",
          text: t(
            "Worden persoonsgegevens van de opdrachtgever buiten de EER verwerkt, opgeslagen of ingezien, ook op afstand door agents, supportteams of subverwerkers?",
            "Is the client's personal data processed, stored or accessed outside the EEA, including remotely by agents, support teams or sub-processors?",
          ),
          help: t(
            "Toegang op afstand vanuit een derde land geldt ook als doorgifte, bijvoorbeeld een offshore-vestiging of een Amerikaans CRM-platform.",
            "Remote access from a third country also counts as a transfer, for example an offshore site or a US-based CRM platform.",
          ),
          reference: "AVG art. 44",
        }),
        singleChoice({
          key: "avg.transfers.mechanism",
          severity: "critical",
          showWhen: answered("avg.transfers.outside_eea", "yes"),
          text: t("Op welke grondslag worden deze gegevens doorgegeven?", "On which basis is this data transferred?"),
          options: [
            option("adequacy", t("Adequaatheidsbesluit van de Europese Commissie", "Adequacy decision of the European Commission"), 1),
            option("dpf", t("EU-US Data Privacy Framework (ontvanger is zelf-gecertificeerd)", "EU-US Data Privacy Framework (recipient is self-certified)"), 1),
            option("scc", t("Standaardcontractbepalingen (Uitvoeringsbesluit (EU) 2021/914)", "Standard contractual clauses (Implementing Decision (EU) 2021/914)"), 1),
            option("bcr", t("Bindende bedrijfsvoorschriften (BCR)", "Binding corporate rules (BCR)"), 1),
            option("none", t("Geen van deze", "None of these"), 0),
          ],
          reference: "AVG art. 44–47; Uitvoeringsbesluit (EU) 2021/914; adequaatheidsbesluit EU-VS van 10 juli 2023",
        }),
        freeText({
          key: "avg.transfers.countries",
          severity: "low",
          showWhen: answered("avg.transfers.outside_eea", "yes"),
          text: t(
            "In welke landen en op welke locaties worden de gegevens verwerkt of ingezien?",
            "In which countries and at which sites is the data processed or accessed?",
          ),
          reference: "AVG art. 30 lid 2 sub c",
        }),
        // 1.9
        evidence({
          key: "avg.transfers.tia",
          severity: "medium",
          requireValidUntil: false,
          showWhen: answered("avg.transfers.mechanism", "scc"),
          text: t(
            "Upload de doorgiftetoetsing (transfer impact assessment) voor de doorgifte op basis van standaardcontractbepalingen.",
            "Upload the transfer impact assessment for the transfer based on standard contractual clauses.",
          ),
          reference: "AVG art. 46; HvJ EU 16 juli 2020, C-311/18 (Schrems II)",
        }),
      ],
    },
    {
      key: "avg.accountability",
      title: t("Verantwoording", "Accountability"),
      questions: [
        // 1.10
        yesNo({
          key: "avg.records.processor_register",
          severity: "medium",
          compliant: "yes",
          allowPartly: true,
          text: t(
            "Houdt u als verwerker een register van verwerkingsactiviteiten bij waarin deze opdrachtgever is opgenomen?",
            "Do you keep a processor's record of processing activities that includes this client?",
          ),
          help: t(
            "De uitzondering voor organisaties met minder dan 250 medewerkers geldt alleen voor incidentele verwerkingen zonder risico; voor een contactcenter is het register vrijwel altijd nodig.",
            "The exemption for organisations with fewer than 250 employees only covers occasional processing without risk; a contact center nearly always needs the record.",
          ),
          reference: "AVG art. 30 lid 2 en lid 5",
        }),
        evidence({
          key: "avg.records.extract",
          severity: "low",
          requireValidUntil: false,
          maxFiles: 2,
          showWhen: answeredYesOrPartly("avg.records.processor_register"),
          text: t(
            "Upload het deel van het register dat over deze opdrachtgever gaat.",
            "Upload the part of the record that concerns this client.",
          ),
          reference: "AVG art. 30 lid 2 tot en met 4",
        }),
        // 1.11
        singleChoice({
          key: "avg.dpo.status",
          severity: "medium",
          text: t(
            "Heeft u een functionaris gegevensbescherming (FG) aangesteld?",
            "Have you appointed a data protection officer (DPO)?",
          ),
          options: [
            option("appointed", t("Ja, er is een FG aangesteld", "Yes, a DPO has been appointed"), 1),
            option("not_required", t("Nee, en we hebben vastgelegd waarom dat niet verplicht is", "No, and we have documented why it is not required"), 1),
            option("none", t("Nee, en dit is niet onderbouwd", "No, and this has not been assessed"), 0),
          ],
          reference: "AVG art. 37–39",
        }),
        freeText({
          key: "avg.dpo.contact",
          severity: "low",
          showWhen: answered("avg.dpo.status", "appointed"),
          text: t("Wat zijn de contactgegevens van de FG?", "What are the DPO's contact details?"),
          reference: "AVG art. 37 lid 7 [VERIFY: tekst van art. 37 lid 7 tegen EUR-Lex, REFERENCE §10.7]",
        }),
        // 1.19
        evidence({
          key: "avg.retention.schedule",
          severity: "medium",
          requireValidUntil: false,
          maxFiles: 3,
          text: t(
            "Upload het bewaarschema per gegevenscategorie voor de gegevens van de opdrachtgever die u onder u heeft.",
            "Upload the retention schedule per data category for the client's data that you hold.",
          ),
          reference: "AVG art. 5 lid 1 sub e",
        }),
      ],
    },
    {
      key: "avg.data_subjects",
      title: t("Rechten van betrokkenen", "Data-subject rights"),
      questions: [
        // 1.12
        number({
          key: "avg.dsr.forward_days",
          severity: "high",
          text: t(
            "Binnen hoeveel werkdagen stuurt u een verzoek van een betrokkene (inzage, correctie, verwijdering, bezwaar) door aan de opdrachtgever?",
            "Within how many working days do you forward a data-subject request (access, rectification, erasure, objection) to the client?",
          ),
          help: t(
            "De opdrachtgever moet binnen één maand reageren. Standaard: binnen 2 werkdagen geeft volledige score, binnen 5 de helft.",
            "The client must respond within one month. Default: within 2 working days earns full credit, within 5 half.",
          ),
          unit: t("werkdagen", "working days"),
          min: 0,
          max: 30,
          integer: true,
          thresholds: { direction: "at_most", steps: [[2, 1], [5, 0.5]] },
          reference: "AVG art. 28 lid 3 sub e; AVG art. 12 lid 3",
        }),
        freeText({
          key: "avg.dsr.support",
          severity: "medium",
          multiline: true,
          text: t(
            "Welke ondersteuning biedt u de opdrachtgever bij het afhandelen van verzoeken van betrokkenen?",
            "What support do you give the client in handling data-subject requests?",
          ),
          reference: "AVG art. 28 lid 3 sub e; AVG art. 15–22",
        }),
      ],
    },
    {
      key: "avg.contact_handling",
      title: t("Klantcontact, opnames en monitoring", "Customer contact, recordings and monitoring"),
      questions: [
        // 1.13
        evidence({
          key: "avg.caller_verification.procedure",
          severity: "high",
          requireValidUntil: false,
          maxFiles: 3,
          text: t(
            "Upload de werkinstructie voor het vaststellen van de identiteit van bellers.",
            "Upload the work instruction for verifying callers' identity.",
          ),
          help: t(
            "Controlevragen moeten gaan over gegevens die niet eenvoudig te achterhalen zijn, en passen bij de gevoeligheid van de gegevens. Een kopie van een identiteitsbewijs vragen is meestal te zwaar.",
            "Verification questions must use data that is not easy to find out, proportionate to the sensitivity of the data. Asking for a copy of an ID document is usually too heavy.",
          ),
          reference: "AVG art. 32; AP-boete SVB (2023); AP-boetes DPG Media en Michael Page",
        }),
        // 1.14
        gate({
          key: "avg.recording.used",
          text: t("Neemt u gesprekken voor deze opdrachtgever op?", "Do you record calls for this client?"),
          reference: "AVG art. 5 lid 1 sub c en e",
        }),
        multipleChoice({
          key: "avg.recording.safeguards",
          severity: "medium",
          combine: "sum",
          showWhen: answered("avg.recording.used", "yes"),
          text: t("Welke waarborgen gelden voor de opnames?", "Which safeguards apply to the recordings?"),
          options: [
            option("purpose_defined", t("Het doel van het opnemen is vastgelegd", "The purpose of recording is documented"), 0.2),
            option("no_recording_on_hold", t("Er wordt niet opgenomen terwijl de beller in de wacht staat", "Nothing is recorded while the caller is on hold"), 0.2),
            option("access_limited", t("Toegang tot opnames is beperkt tot wie die nodig heeft", "Access to recordings is limited to those who need it"), 0.2),
            option("retention_set", t("Er is een vaste, onderbouwde bewaartermijn", "A fixed, justified retention period is set"), 0.2),
            option("callers_informed", t("Bellers worden vooraf geïnformeerd over de opname", "Callers are told in advance that the call is recorded"), 0.2),
            option("none", t("Geen van deze", "None of these"), 0, { exclusive: true }),
          ],
          reference: "AVG art. 5 lid 1 sub b, c en e; AP (2023): niet opnemen tijdens de wachtstand",
        }),
        number({
          key: "avg.recording.retention_days",
          severity: "info",
          showWhen: answered("avg.recording.used", "yes"),
          text: t("Hoeveel dagen bewaart u opnames?", "For how many days do you keep recordings?"),
          help: t(
            "Er is geen wettelijke bewaartermijn; de termijn moet passen bij het doel van de opname.",
            "There is no statutory retention period; the period must fit the purpose of the recording.",
          ),
          unit: t("dagen", "days"),
          min: 0,
          max: 3650,
          integer: true,
          reference: "AVG art. 5 lid 1 sub e",
        }),
        // 1.15
        yesNo({
          key: "avg.dpia.monitoring_described",
          severity: "medium",
          compliant: "yes",
          allowPartly: true,
          allowNotApplicable: true,
          text: t(
            "Heeft u de opdrachtgever beschreven welke monitoring en analyse u toepast op haar contacten en op agents (opnames, spraakanalyse, kwaliteitsscores), zodat zij een DPIA kan uitvoeren?",
            "Have you described to the client which monitoring and analytics you apply to its contacts and to agents (recording, speech analytics, quality scoring), so that it can carry out a DPIA?",
          ),
          help: t(
            "Monitoring van werknemers en grootschalige verwerking van communicatiegegevens staan op de DPIA-lijst van de AP.",
            "Employee monitoring and large-scale processing of communication data are on the AP's DPIA list.",
          ),
          reference: "AVG art. 28 lid 3 sub f; AVG art. 35; DPIA-lijst Autoriteit Persoonsgegevens",
        }),
        // 1.16
        yesNo({
          key: "avg.ai.no_agent_emotion_recognition",
          severity: "critical",
          compliant: "yes",
          text: t(
            "Bevestigt u dat u geen AI-systemen gebruikt die de emoties van agents afleiden, bijvoorbeeld uit stem of webcambeeld?",
            "Do you confirm that you use no AI systems that infer agents' emotions, for example from voice or webcam images?",
          ),
          help: t(
            "Sinds 2 februari 2025 verboden op de werkplek, behalve om medische of veiligheidsredenen.",
            "Prohibited in the workplace since 2 February 2025, except for medical or safety reasons.",
          ),
          reference: "AI-verordening art. 5 lid 1 sub f",
        }),
      ],
    },
    {
      key: "avg.exit_audit",
      title: t("Einde van de dienstverlening en audits", "End of service and audits"),
      questions: [
        // 1.17
        number({
          key: "avg.exit.deletion_days",
          severity: "high",
          text: t(
            "Binnen hoeveel dagen na het einde van de dienstverlening verwijdert of retourneert u, naar keuze van de opdrachtgever, alle gegevens, inclusief back-ups en opnames?",
            "Within how many days after the service ends do you delete or return all data, at the client's choice, including backups and recordings?",
          ),
          help: t(
            "Standaard: binnen 30 dagen geeft volledige score, binnen 90 de helft.",
            "Default: within 30 days earns full credit, within 90 half.",
          ),
          unit: t("dagen", "days"),
          min: 0,
          max: 730,
          integer: true,
          thresholds: { direction: "at_most", steps: [[30, 1], [90, 0.5]] },
          reference: "AVG art. 28 lid 3 sub g",
        }),
        yesNo({
          key: "avg.exit.deletion_certificate",
          severity: "medium",
          compliant: "yes",
          text: t(
            "Levert u na de verwijdering een schriftelijke verklaring van verwijdering aan de opdrachtgever?",
            "Do you give the client a written certificate of deletion after deleting the data?",
          ),
          reference: "AVG art. 28 lid 3 sub g",
        }),
        // 1.18
        yesNo({
          key: "avg.audit.rights_accepted",
          severity: "high",
          compliant: "yes",
          text: t(
            "Staat u audits en inspecties toe, ook op locatie, door de opdrachtgever of een door haar aangewezen auditor?",
            "Do you allow audits and inspections, including on site, by the client or an auditor it mandates?",
          ),
          reference: "AVG art. 28 lid 3 sub h",
        }),
        evidence({
          key: "avg.assurance.report",
          severity: "high",
          requireValidUntil: true,
          maxFiles: 3,
          text: t(
            "Upload uw meest recente onafhankelijke zekerheid: een ISO/IEC 27001:2022- of ISO/IEC 27701-certificaat, of een SOC 2-rapport.",
            "Upload your most recent independent assurance: an ISO/IEC 27001:2022 or ISO/IEC 27701 certificate, or a SOC 2 report.",
          ),
          help: t(
            "Vul per bestand de geldigheidsdatum in. Een SOC 2-rapport wordt gewoonlijk tot 12 maanden na het einde van de periode geaccepteerd.",
            "Give each file's valid-until date. A SOC 2 report is usually accepted for 12 months after the end of its period.",
          ),
          reference: "AVG art. 28 lid 1 en lid 3 sub h; AVG art. 32 lid 3",
        }),
        // 1.20
        placed(enforcementRecent),
        placed(enforcementDetails),
      ],
    },
  ],
};
