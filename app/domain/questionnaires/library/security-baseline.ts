import type { TemplateContent } from "../model";
import {
  answered,
  anyOf,
  contextIncludes,
  date,
  evidence,
  gate,
  multipleChoice,
  number,
  option,
  singleChoice,
  t,
  yesNo,
} from "./builders";

/**
 * Template 2, "Informatiebeveiliging baseline": the security measures of art. 32 AVG, arranged
 * by the ISO/IEC 27001:2022 Annex A themes. Follows REFERENCE §8.2 (facts in §1.4, §4.2, §4.5).
 */
export const securityBaselineTemplate: TemplateContent = {
  title: t("Informatiebeveiliging baseline", "Information security baseline"),
  description: t(
    "Basismaatregelen voor informatiebeveiliging in een contactcenter, ingedeeld naar de thema's van ISO/IEC 27001:2022 bijlage A: organisatorisch, mensen, fysiek en technologisch.",
    "Baseline information security measures for a contact center, arranged by the themes of ISO/IEC 27001:2022 Annex A: organisational, people, physical and technological.",
  ),
  sections: [
    {
      key: "sec.certification",
      title: t("Certificering, beleid en risico's", "Certification, policy and risk"),
      questions: [
        // 2.1
        singleChoice({
          key: "sec.iso27001.status",
          severity: "high",
          text: t(
            "Bent u gecertificeerd volgens ISO/IEC 27001, en voor welke locaties en diensten?",
            "Are you certified to ISO/IEC 27001, and for which sites and services?",
          ),
          help: t(
            "Certificaten volgens de editie van 2013 zijn sinds 31 oktober 2025 niet meer geldig.",
            "Certificates to the 2013 edition ceased to be valid on 31 October 2025.",
          ),
          options: [
            option("full_scope", t("ISO/IEC 27001:2022, inclusief de locaties en diensten voor deze opdrachtgever", "ISO/IEC 27001:2022, including the sites and services for this client"), 1),
            option("partial_scope", t("ISO/IEC 27001:2022, maar niet voor alle locaties of diensten voor deze opdrachtgever", "ISO/IEC 27001:2022, but not for all sites or services for this client"), 0.5),
            option("edition_2013", t("Alleen een certificaat volgens de editie van 2013", "Only a certificate to the 2013 edition"), 0),
            option("none", t("Niet gecertificeerd", "Not certified"), 0),
          ],
          reference: "ISO/IEC 27001:2022; IAF MD 26 (overgang 2013-certificaten verlopen 31-10-2025); AVG art. 32 lid 3",
        }),
        evidence({
          key: "sec.iso27001.certificate",
          severity: "high",
          requireValidUntil: true,
          maxFiles: 3,
          showWhen: anyOf(answered("sec.iso27001.status", "full_scope"), answered("sec.iso27001.status", "partial_scope")),
          text: t(
            "Upload het ISO/IEC 27001:2022-certificaat met de scope, afgegeven door een geaccrediteerde certificatie-instelling.",
            "Upload the ISO/IEC 27001:2022 certificate with its scope, issued by an accredited certification body.",
          ),
          reference: "ISO/IEC 27001:2022; ISO/IEC 17021-1 (accreditatie certificatie-instellingen)",
        }),
        date({
          key: "sec.iso27001.last_audit",
          severity: "medium",
          maxAgeMonths: 12,
          showWhen: anyOf(answered("sec.iso27001.status", "full_scope"), answered("sec.iso27001.status", "partial_scope")),
          text: t(
            "Op welke datum vond de laatste certificatie- of surveillance-audit plaats?",
            "On which date did the last certification or surveillance audit take place?",
          ),
          help: t(
            "Een certificaat loopt drie jaar, met in het eerste en tweede jaar een surveillance-audit.",
            "A certificate runs for three years, with a surveillance audit in the first and second year.",
          ),
          reference: "ISO/IEC 27001 certificatiecyclus (jaarlijkse surveillance-audit)",
        }),
        // 2.2
        evidence({
          key: "sec.soa_or_alternative",
          severity: "medium",
          requireValidUntil: false,
          maxFiles: 3,
          text: t(
            "Upload uw verklaring van toepasselijkheid (Statement of Applicability), of ander bewijs zoals een SOC 2 Type II-rapport, een ISO/IEC 27701- of een NEN 7510-certificaat.",
            "Upload your Statement of Applicability, or other evidence such as a SOC 2 Type II report or an ISO/IEC 27701 or NEN 7510 certificate.",
          ),
          reference: "ISO/IEC 27001:2022 A.5.1; ISO/IEC 27701 bijlage B; SOC 2; NEN 7510",
        }),
        // 2.3
        date({
          key: "sec.policy.reviewed_on",
          severity: "medium",
          maxAgeMonths: 12,
          text: t(
            "Wanneer is het informatiebeveiligingsbeleid voor het laatst goedgekeurd of herzien?",
            "When was the information security policy last approved or reviewed?",
          ),
          reference: "ISO/IEC 27001:2022 A.5.1",
        }),
        // 2.4
        date({
          key: "sec.risk_assessment.date",
          severity: "high",
          maxAgeMonths: 12,
          text: t(
            "Wanneer heeft u voor het laatst een risicobeoordeling gedaan van de verwerking voor deze opdrachtgever?",
            "When did you last carry out a risk assessment of the processing for this client?",
          ),
          reference: "AVG art. 32 lid 1 en 2; ISO/IEC 27001:2022 clausule 6.1 en 8.2",
        }),
        evidence({
          key: "sec.risk_assessment.report",
          severity: "medium",
          requireValidUntil: false,
          maxFiles: 2,
          text: t("Upload de samenvatting van die risicobeoordeling.", "Upload the summary of that risk assessment."),
          reference: "AVG art. 32 lid 2; ISO/IEC 27001:2022 clausule 8.2",
        }),
      ],
    },
    {
      key: "sec.access",
      title: t("Toegang en identiteit", "Access and identity"),
      questions: [
        // 2.5
        yesNo({
          key: "sec.access.least_privilege",
          severity: "high",
          compliant: "yes",
          allowPartly: true,
          text: t(
            "Krijgen agents alleen de toegang tot systemen van de opdrachtgever (zoals het CRM) die zij voor hun taak nodig hebben, met een vast proces voor indiensttreding, functiewijziging en uitdiensttreding?",
            "Do agents get only the access to client systems (such as the CRM) that their task needs, with a set joiner, mover and leaver process?",
          ),
          reference: "ISO/IEC 27001:2022 A.5.15–A.5.18, A.8.2",
        }),
        singleChoice({
          key: "sec.access.review_frequency",
          severity: "high",
          text: t("Hoe vaak worden toegangsrechten gecontroleerd?", "How often are access rights reviewed?"),
          options: [
            option("quarterly", t("Elk kwartaal of vaker", "Every quarter or more often"), 1),
            option("half_yearly", t("Elk halfjaar", "Every six months"), 0.75),
            option("yearly", t("Jaarlijks", "Yearly"), 0.5),
            option("never", t("Niet periodiek", "Not periodically"), 0),
          ],
          reference: "ISO/IEC 27001:2022 A.5.18",
        }),
        // 2.6
        yesNo({
          key: "sec.mfa.agent_login",
          severity: "critical",
          compliant: "yes",
          text: t(
            "Gebruiken agents meerfactorauthenticatie om in te loggen op systemen met gegevens van de opdrachtgever?",
            "Do agents use multi-factor authentication to log in to systems holding the client's data?",
          ),
          reference: "ISO/IEC 27001:2022 A.8.5; AP-boete Transavia (geen tweefactorauthenticatie)",
        }),
        yesNo({
          key: "sec.mfa.remote_access",
          severity: "critical",
          compliant: "yes",
          text: t(
            "Is meerfactorauthenticatie verplicht voor alle toegang op afstand en voor alle beheerdersaccounts?",
            "Is multi-factor authentication required for all remote access and all administrator accounts?",
          ),
          reference: "ISO/IEC 27001:2022 A.8.2, A.8.5; AP-boete Transavia",
        }),
        // 2.8
        yesNo({
          key: "sec.logging.record_access",
          severity: "high",
          compliant: "yes",
          allowPartly: true,
          text: t(
            "Wordt vastgelegd welke agent welk klantdossier inziet, en worden ongebruikelijke raadplegingen actief gecontroleerd?",
            "Do you log which agent views which customer record, and are unusual look-ups actively reviewed?",
          ),
          help: t(
            "De AP beboette een ziekenhuis omdat medewerkers zonder noodzaak dossiers inzagen.",
            "The AP fined a hospital because staff viewed records without a need to.",
          ),
          reference: "ISO/IEC 27001:2022 A.8.15–A.8.16; AP-boete OLVG",
        }),
      ],
    },
    {
      key: "sec.data_protection",
      title: t("Bescherming van gegevens en werkplekken", "Protection of data and workplaces"),
      questions: [
        // 2.7
        yesNo({
          key: "sec.encryption.in_transit",
          severity: "high",
          compliant: "yes",
          text: t(
            "Worden gegevens van de opdrachtgever versleuteld verzonden?",
            "Is the client's data encrypted in transit?",
          ),
          reference: "AVG art. 32 lid 1 sub a; ISO/IEC 27001:2022 A.8.24",
        }),
        yesNo({
          key: "sec.encryption.at_rest",
          severity: "high",
          compliant: "yes",
          allowPartly: true,
          text: t(
            "Worden gegevens van de opdrachtgever, inclusief gespreksopnames, versleuteld opgeslagen?",
            "Is the client's data, including call recordings, encrypted at rest?",
          ),
          reference: "AVG art. 32 lid 1 sub a; ISO/IEC 27001:2022 A.8.24",
        }),
        // 2.9
        multipleChoice({
          key: "sec.floor.controls",
          severity: "medium",
          combine: "sum",
          text: t("Welke maatregelen gelden op de werkvloer?", "Which measures apply on the contact floor?"),
          options: [
            option("clear_desk_screen", t("Clean desk en clean screen", "Clear desk and clear screen"), 0.2),
            option("no_phones_paper", t("Geen eigen telefoons of papier op de werkplek", "No personal phones or paper at the workstation"), 0.2),
            option("usb_blocked", t("USB-opslag geblokkeerd", "USB storage blocked"), 0.2),
            option("print_screenshot_blocked", t("Printen en schermafbeeldingen geblokkeerd", "Printing and screenshots blocked"), 0.2),
            option("dlp", t("Maatregelen tegen datalekken (DLP)", "Data leakage prevention (DLP)"), 0.2),
            option("none", t("Geen van deze", "None of these"), 0, { exclusive: true }),
          ],
          reference: "ISO/IEC 27001:2022 A.7.7, A.8.1, A.8.12",
        }),
        // 2.10
        gate({
          key: "sec.homeworking.used",
          text: t("Werken agents voor deze opdrachtgever (ook) thuis?", "Do agents for this client (also) work from home?"),
          reference: "ISO/IEC 27001:2022 A.6.7",
        }),
        multipleChoice({
          key: "sec.homeworking.controls",
          severity: "medium",
          combine: "sum",
          showWhen: answered("sec.homeworking.used", "yes"),
          text: t("Welke maatregelen gelden voor thuiswerkende agents?", "Which measures apply to agents working from home?"),
          options: [
            option("managed_devices", t("Alleen beheerde apparaten van de organisatie", "Only devices managed by the organisation"), 1 / 3),
            option("private_workspace", t("Een afgesloten werkplek waar anderen niet meekijken of meeluisteren", "A private workspace where others cannot see or hear"), 1 / 3),
            option("no_local_storage", t("Geen lokale opslag van gegevens", "No local storage of data"), 1 / 3),
            option("none", t("Geen van deze", "None of these"), 0, { exclusive: true }),
          ],
          reference: "ISO/IEC 27001:2022 A.6.7, A.8.1",
        }),
        // 2.18
        yesNo({
          key: "sec.deletion.procedure",
          severity: "low",
          compliant: "yes",
          text: t(
            "Is er een procedure voor het verwijderen van informatie en het veilig afvoeren van gegevensdragers?",
            "Is there a procedure for deleting information and securely disposing of storage media?",
          ),
          reference: "ISO/IEC 27001:2022 A.8.10, A.7.14",
        }),
      ],
    },
    {
      key: "sec.operations",
      title: t("Kwetsbaarheden, back-up en continuïteit", "Vulnerabilities, backup and continuity"),
      questions: [
        // 2.11
        number({
          key: "sec.patch.critical_days",
          severity: "high",
          text: t(
            "Binnen hoeveel dagen installeert u beveiligingsupdates voor kritieke kwetsbaarheden?",
            "Within how many days do you install security updates for critical vulnerabilities?",
          ),
          help: t("Standaard: binnen 14 dagen volledige score, binnen 30 de helft.", "Default: within 14 days full credit, within 30 half."),
          unit: t("dagen", "days"),
          min: 0,
          max: 365,
          integer: true,
          thresholds: { direction: "at_most", steps: [[14, 1], [30, 0.5]] },
          reference: "AVG art. 32 lid 1 sub d; ISO/IEC 27001:2022 A.8.8",
        }),
        date({
          key: "sec.pentest.date",
          severity: "high",
          maxAgeMonths: 12,
          text: t(
            "Wanneer is de laatste penetratietest uitgevoerd op de systemen waarmee u gegevens van de opdrachtgever verwerkt?",
            "When was the last penetration test of the systems with which you process the client's data?",
          ),
          reference: "AVG art. 32 lid 1 sub d; ISO/IEC 27001:2022 A.8.8",
        }),
        number({
          key: "sec.pentest.open_findings",
          severity: "high",
          text: t(
            "Hoeveel kritieke of hoge bevindingen uit die test staan nog open?",
            "How many critical or high findings from that test are still open?",
          ),
          unit: t("bevindingen", "findings"),
          min: 0,
          max: 1000,
          integer: true,
          thresholds: { direction: "at_most", steps: [[0, 1], [2, 0.5]] },
          reference: "AVG art. 32 lid 1 sub d; ISO/IEC 27001:2022 A.8.8",
        }),
        // 2.12
        date({
          key: "sec.backup.restore_tested",
          severity: "high",
          maxAgeMonths: 12,
          text: t("Wanneer is het terugzetten van een back-up voor het laatst getest?", "When was restoring from backup last tested?"),
          reference: "AVG art. 32 lid 1 sub b en c; ISO/IEC 27001:2022 A.8.13",
        }),
        // 2.13
        date({
          key: "sec.continuity.tested",
          severity: "medium",
          maxAgeMonths: 12,
          text: t(
            "Wanneer is het bedrijfscontinuïteits- en uitwijkplan voor de klantcontacten voor het laatst getest?",
            "When was the business continuity and disaster recovery plan for customer contact last tested?",
          ),
          reference: "ISO/IEC 27001:2022 A.5.29–A.5.30",
        }),
        evidence({
          key: "sec.continuity.plan",
          severity: "medium",
          requireValidUntil: false,
          maxFiles: 3,
          text: t("Upload het continuïteitsplan of een samenvatting ervan.", "Upload the continuity plan or a summary of it."),
          reference: "ISO/IEC 27001:2022 A.5.29–A.5.30",
        }),
      ],
    },
    {
      key: "sec.suppliers_people",
      title: t("Leveranciers, personeel en fysieke beveiliging", "Suppliers, personnel and physical security"),
      questions: [
        // 2.14
        yesNo({
          key: "sec.suppliers.requirements",
          severity: "medium",
          compliant: "yes",
          allowPartly: true,
          text: t(
            "Stelt u beveiligingseisen aan uw eigen leveranciers (CCaaS, telefonie, CRM) en controleert u of zij daaraan voldoen?",
            "Do you set security requirements for your own suppliers (CCaaS, telephony, CRM) and check that they meet them?",
          ),
          reference: "ISO/IEC 27001:2022 A.5.19–A.5.23",
        }),
        // 2.16
        singleChoice({
          key: "sec.screening.approach",
          severity: "low",
          text: t("Hoe screent u nieuwe medewerkers?", "How do you screen new staff?"),
          help: t(
            "Justis noemt callcentermedewerker als functie waarvoor meestal weinig of geen VOG-screening nodig is; screening moet passen bij de functie.",
            "Justis names call-centre employee as a role that usually needs little or no VOG screening; screening must fit the role.",
          ),
          options: [
            option("risk_based", t("Identiteit en referenties voor iedereen; VOG voor functies met gevoelige gegevens of geld", "Identity and references for everyone; a VOG for roles with sensitive data or money"), 1),
            option("vog_for_all", t("VOG voor alle medewerkers", "A VOG for all staff"), 0.75),
            option("identity_only", t("Alleen een identiteitscontrole", "An identity check only"), 0.5),
            option("none", t("Geen screening", "No screening"), 0),
          ],
          reference: "ISO/IEC 27001:2022 A.6.1; Justis, screeningsadvies VOG",
        }),
        // 2.17
        yesNo({
          key: "sec.physical.access",
          severity: "medium",
          compliant: "yes",
          allowPartly: true,
          text: t(
            "Zijn de locaties beveiligd met toegangscontrole en wordt bezoek geregistreerd?",
            "Are the sites protected by access control, and are visitors logged?",
          ),
          reference: "ISO/IEC 27001:2022 A.7.1–A.7.4",
        }),
      ],
    },
    {
      // REFERENCE §8.0: PCI questions only where agents take card payments. The register's
      // "payment_data" category opens the section; the first answer narrows it to cards by phone.
      key: "sec.payments",
      title: t("Kaartbetalingen per telefoon", "Card payments by phone"),
      showWhen: contextIncludes("partnership.dataCategories", "payment_data"),
      questions: [
        gate({
          key: "sec.payments.card_by_phone",
          text: t("Nemen agents voor deze opdrachtgever kaartbetalingen aan via de telefoon?", "Do agents take card payments by phone for this client?"),
          reference: "PCI DSS v4.0.1",
        }),
        // 2.15
        singleChoice({
          key: "sec.payments.card_control",
          severity: "critical",
          showWhen: answered("sec.payments.card_by_phone", "yes"),
          text: t("Hoe houdt u kaartgegevens buiten het gesprek met de agent?", "How do you keep card data out of the agent's call?"),
          help: t(
            "Pauzeren en hervatten van de opname is maar een gedeeltelijke maatregel; DTMF-maskering of een IVR houdt kaartgegevens buiten het gesprek.",
            "Pausing and resuming the recording is only a partial control; DTMF masking or an IVR keeps card data out of the call.",
          ),
          options: [
            option("dtmf_masking", t("DTMF-maskering", "DTMF masking"), 1),
            option("ivr", t("Betaling via een IVR", "Payment through an IVR"), 1),
            option("pause_resume", t("Alleen pauzeren en hervatten van de opname", "Only pausing and resuming the recording"), 0.5),
            option("none", t("Geen maatregel", "No control"), 0),
          ],
          reference: "PCI DSS v4.0.1 (verplicht sinds 31 maart 2025); PCI SSC Information Supplement 'Protecting Telephone-based Payment Card Data'",
        }),
        evidence({
          key: "sec.payments.pci_aoc",
          severity: "high",
          requireValidUntil: true,
          maxFiles: 2,
          showWhen: answered("sec.payments.card_by_phone", "yes"),
          text: t(
            "Upload de PCI DSS v4.0.1 Attestation of Compliance (AOC).",
            "Upload the PCI DSS v4.0.1 Attestation of Compliance (AOC).",
          ),
          reference: "PCI DSS v4.0.1",
        }),
      ],
    },
  ],
};
