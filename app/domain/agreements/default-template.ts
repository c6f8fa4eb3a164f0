import type { AgreementContent } from "./content";

/**
 * The processor agreement shipped with the product (verwerkersovereenkomst), in Dutch and
 * English, structured along art. 28 lid 3 AVG (a-h) with lid 2 and 4 on sub-processors
 * (REFERENCE §1.1). It is our own contract text, not a quotation of the law: following the EDPB
 * (§1.1.17) each clause says concretely how the obligation is met, and the breach clause sets the
 * timing, the contact route and the content of a notification (§1.1.19, §1.5).
 *
 * Published versions are immutable: a changed text gets the next version number in the library.
 */
export const DEFAULT_TEMPLATE_SLUG = "avg-art28-default";
export const DEFAULT_TEMPLATE_VERSION = 1;

const clause = (key: string, heading: [string, string], body: [string, string]) => ({
  key,
  heading: { nl: heading[0], en: heading[1] },
  body: { nl: body[0], en: body[1] },
});

export const defaultAgreementContent: AgreementContent = {
  name: { nl: "Verwerkersovereenkomst (art. 28 AVG)", en: "Data processing agreement (Art. 28 GDPR)" },
  clauses: [
    clause(
      "parties",
      ["Partijen", "Parties"],
      [
        "Deze verwerkersovereenkomst is gesloten tussen {{client.name}}, verwerkingsverantwoordelijke (hierna: Opdrachtgever), en {{vendor.name}}, verwerker (hierna: Verwerker). Zij geldt vanaf {{effectiveDate}} tot en met {{endDate}} en hoort bij de overeenkomst waarin Verwerker klantcontactdiensten voor Opdrachtgever verricht.",
        "This data processing agreement is made between {{client.name}}, controller (the Client), and {{vendor.name}}, processor (the Processor). It applies from {{effectiveDate}} up to and including {{endDate}} and belongs to the agreement under which the Processor provides customer contact services to the Client.",
      ],
    ),
    clause(
      "subject",
      ["Onderwerp, aard, doel en duur van de verwerking", "Subject-matter, nature, purpose and duration of the processing"],
      [
        "Verwerker verricht voor Opdrachtgever de volgende diensten: {{services}}.\nDoeleinden: {{purposes}}.\nSoorten persoonsgegevens: {{dataCategories}}.\nCategorieën betrokkenen: {{dataSubjects}}.\nLanden waar verwerkt wordt: {{countries}}.\nDe verwerking duurt zolang deze overeenkomst geldt en daarna zolang Verwerker nog persoonsgegevens van Opdrachtgever onder zich heeft.",
        "The Processor provides the following services to the Client: {{services}}.\nPurposes: {{purposes}}.\nTypes of personal data: {{dataCategories}}.\nCategories of data subjects: {{dataSubjects}}.\nCountries where processing takes place: {{countries}}.\nThe processing lasts as long as this agreement applies and afterwards for as long as the Processor still holds personal data of the Client.",
      ],
    ),
    clause(
      "instructions",
      ["Gedocumenteerde instructies (art. 28 lid 3 sub a)", "Documented instructions (Art. 28(3)(a))"],
      [
        "Verwerker verwerkt de persoonsgegevens uitsluitend op basis van schriftelijke instructies van Opdrachtgever, ook wat betreft doorgifte naar landen buiten de EER. Instructies worden gegeven via het compliance-portaal of per e-mail van een bevoegde contactpersoon van Opdrachtgever, en Verwerker bewaart elke instructie. Is Verwerker wettelijk verplicht tot een verwerking, dan meldt hij dat vooraf aan Opdrachtgever, tenzij die wet dat verbiedt. Verwerker meldt het Opdrachtgever direct als een instructie naar zijn oordeel in strijd is met de AVG of andere regels over gegevensbescherming.",
        "The Processor processes the personal data only on documented instructions from the Client, including with regard to transfers to countries outside the EEA. Instructions are given through the compliance portal or by e-mail from an authorised contact person of the Client, and the Processor keeps every instruction. Where the Processor is required by law to process, it informs the Client beforehand, unless that law prohibits it. The Processor informs the Client immediately if, in its opinion, an instruction infringes the GDPR or other data protection rules.",
      ],
    ),
    clause(
      "confidentiality",
      ["Geheimhouding (art. 28 lid 3 sub b)", "Confidentiality (Art. 28(3)(b))"],
      [
        "Iedereen die onder gezag van Verwerker toegang heeft tot de persoonsgegevens (agenten, teamleiders, supervisors, beheerders) heeft voor die toegang een geheimhoudingsverklaring getekend of is wettelijk tot geheimhouding verplicht, en heeft een training over gegevensbescherming gevolgd. Toegang is beperkt tot wie die voor het werk nodig heeft en wordt bij vertrek dezelfde dag ingetrokken.",
        "Everyone who has access to the personal data under the Processor's authority (agents, team leaders, supervisors, administrators) has signed a confidentiality undertaking before that access, or is under a statutory duty of confidentiality, and has completed data protection training. Access is limited to those who need it for their work and is withdrawn on the day they leave.",
      ],
    ),
    clause(
      "security",
      ["Beveiliging (art. 28 lid 3 sub c, art. 32)", "Security (Art. 28(3)(c), Art. 32)"],
      [
        "Verwerker neemt alle maatregelen die artikel 32 AVG vereist. De technische en organisatorische maatregelen staan in de beveiligingsbijlage hieronder; Verwerker houdt ze op peil en meldt wezenlijke wijzigingen vooraf.\nBeveiligingsbijlage: {{securityAnnex}}",
        "The Processor takes all measures required under Article 32 GDPR. The technical and organisational measures are set out in the security annex below; the Processor keeps them up to date and announces material changes in advance.\nSecurity annex: {{securityAnnex}}",
      ],
    ),
    clause(
      "subprocessors",
      ["Subverwerkers (art. 28 lid 2 en 4, lid 3 sub d)", "Sub-processors (Art. 28(2) and (4), Art. 28(3)(d))"],
      [
        "Opdrachtgever geeft algemene schriftelijke toestemming voor de inzet van subverwerkers. Bij het sluiten van deze overeenkomst zijn dat: {{subprocessors}}.\nVerwerker kondigt elke voorgenomen toevoeging of vervanging ten minste {{subprocessorNoticeDays}} dagen vooraf aan via het compliance-portaal; Opdrachtgever kan binnen die termijn bezwaar maken, en dan zet Verwerker de subverwerker niet in. Verwerker legt iedere subverwerker bij overeenkomst dezelfde verplichtingen inzake gegevensbescherming op als in deze overeenkomst, en blijft tegenover Opdrachtgever volledig aansprakelijk voor de nakoming door de subverwerker.",
        "The Client gives general written authorisation for the engagement of sub-processors. At the signing of this agreement they are: {{subprocessors}}.\nThe Processor announces every intended addition or replacement at least {{subprocessorNoticeDays}} days in advance through the compliance portal; the Client may object within that period, in which case the Processor does not engage the sub-processor. The Processor imposes the same data protection obligations as in this agreement on each sub-processor by contract, and remains fully liable to the Client for the sub-processor's performance.",
      ],
    ),
    clause(
      "data-subject-rights",
      ["Rechten van betrokkenen (art. 28 lid 3 sub e)", "Data subject rights (Art. 28(3)(e))"],
      [
        "Verwerker stuurt een verzoek van een betrokkene (inzage, rectificatie, wissen, beperking, overdraagbaarheid, bezwaar) binnen twee werkdagen door aan Opdrachtgever en beantwoordt het niet zelf, tenzij Opdrachtgever daartoe opdracht geeft. Verwerker levert op verzoek binnen vijf werkdagen de gegevens en gespreksopnamen die Opdrachtgever nodig heeft om het verzoek te beantwoorden.",
        "The Processor forwards a request from a data subject (access, rectification, erasure, restriction, portability, objection) to the Client within two working days and does not answer it itself unless the Client instructs it to. On request, the Processor supplies within five working days the data and call recordings the Client needs to answer the request.",
      ],
    ),
    clause(
      "breaches",
      ["Datalekken en bijstand (art. 28 lid 3 sub f, art. 32-36)", "Personal data breaches and assistance (Art. 28(3)(f), Arts. 32-36)"],
      [
        "Verwerker meldt een inbreuk in verband met persoonsgegevens zonder onredelijke vertraging aan Opdrachtgever, en in elk geval binnen {{breachNotificationHours}} uur nadat hij ervan op de hoogte is geraakt, telefonisch aan de contactpersoon privacy van Opdrachtgever en schriftelijk via het compliance-portaal. De melding beschrijft voor zover bekend: de aard van de inbreuk, de categorieën en het geschatte aantal betrokkenen en gegevens, een contactpersoon bij Verwerker, de waarschijnlijke gevolgen en de genomen of voorgestelde maatregelen. Wat nog niet bekend is, volgt zodra het bekend is. Verwerker meldt niet zelf aan de Autoriteit Persoonsgegevens of aan betrokkenen; dat beslist Opdrachtgever. Verwerker registreert alle incidenten, ook kleine, en helpt Opdrachtgever bij beveiliging, meldingen, een gegevensbeschermingseffectbeoordeling en voorafgaande raadpleging.",
        "The Processor notifies the Client of a personal data breach without undue delay and in any case within {{breachNotificationHours}} hours of becoming aware of it, by telephone to the Client's privacy contact person and in writing through the compliance portal. As far as known, the notification describes: the nature of the breach, the categories and approximate number of data subjects and records, a contact person at the Processor, the likely consequences and the measures taken or proposed. What is not yet known follows as soon as it is. The Processor does not notify the Dutch Data Protection Authority or data subjects itself; the Client decides that. The Processor records all incidents, including minor ones, and assists the Client with security, notifications, a data protection impact assessment and prior consultation.",
      ],
    ),
    clause(
      "end",
      ["Bewaren, teruggeven en wissen (art. 28 lid 3 sub g)", "Retention, return and deletion (Art. 28(3)(g))"],
      [
        "Tijdens de overeenkomst bewaart Verwerker persoonsgegevens niet langer dan: {{retention}}.\nBij het einde van de dienstverlening kiest Opdrachtgever of Verwerker de persoonsgegevens teruggeeft of wist. Verwerker voert die keuze binnen dertig dagen uit, wist ook alle kopieën (behalve wat een wettelijke bewaarplicht vereist) en bevestigt dat schriftelijk.",
        "During the agreement, the Processor keeps personal data no longer than: {{retention}}.\nAt the end of the services, the Client chooses whether the Processor returns or deletes the personal data. The Processor carries out that choice within thirty days, also deletes all copies (except what a statutory retention duty requires) and confirms this in writing.",
      ],
    ),
    clause(
      "audits",
      ["Informatie en audits (art. 28 lid 3 sub h)", "Information and audits (Art. 28(3)(h))"],
      [
        "Verwerker stelt alle informatie beschikbaar die nodig is om aan te tonen dat hij zich aan deze overeenkomst houdt, onder meer door de vragenlijsten en bewijsstukken in het compliance-portaal actueel te houden. Verwerker staat audits toe, inspecties ter plaatse inbegrepen, door Opdrachtgever of een door haar aangewezen auditor, na een aankondiging van tien werkdagen, of zonder aankondiging na een datalek, en werkt daaraan mee.",
        "The Processor makes available all information necessary to demonstrate compliance with this agreement, among other things by keeping the questionnaires and evidence in the compliance portal up to date. The Processor allows for and contributes to audits, including on-site inspections, by the Client or an auditor mandated by the Client, after ten working days' notice, or without notice after a personal data breach.",
      ],
    ),
    clause(
      "transfers",
      ["Doorgifte buiten de EER", "Transfers outside the EEA"],
      [
        "Verwerker verwerkt de persoonsgegevens alleen in de hierboven genoemde landen. Doorgifte naar een land buiten de Europese Economische Ruimte gebeurt alleen met voorafgaande schriftelijke toestemming van Opdrachtgever en met een passende waarborg uit hoofdstuk V AVG.",
        "The Processor processes the personal data only in the countries listed above. A transfer to a country outside the European Economic Area takes place only with the Client's prior written consent and with an appropriate safeguard under Chapter V GDPR.",
      ],
    ),
    clause(
      "term",
      ["Duur en beëindiging", "Term and termination"],
      [
        "Deze overeenkomst geldt van {{effectiveDate}} tot en met {{endDate}}. Verplichtingen die naar hun aard doorlopen, zoals geheimhouding, teruggave en wissing, blijven gelden zolang Verwerker persoonsgegevens van Opdrachtgever onder zich heeft. Deze overeenkomst is elektronisch ondertekend; iedere ondertekening verwijst naar de documenthash van deze tekst.",
        "This agreement applies from {{effectiveDate}} up to and including {{endDate}}. Obligations that by their nature continue, such as confidentiality, return and deletion, remain in force for as long as the Processor holds personal data of the Client. This agreement is signed electronically; each signature refers to the document hash of this text.",
      ],
    ),
  ],
};
