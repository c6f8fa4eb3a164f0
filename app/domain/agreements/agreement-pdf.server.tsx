import { Document, Font, Page, StyleSheet, Text, View, renderToBuffer } from "@react-pdf/renderer";

// No hyphenation: a hash or URL split with "-" would no longer read as itself.
Font.registerHyphenationCallback((word) => [word]);
import { textBlocks } from "./content";

/**
 * The final PDF of an agreement in force: the full frozen text, both signature blocks, the
 * document hash and the verification URL. Fed with a plain view model; Helvetica (built in,
 * WinAnsi) is enough for Dutch and English, so characters outside it are replaced.
 */
export interface AgreementPdfModel {
  title: string;
  text: string;
  documentHash: string;
  verifyUrl: string;
  labels: {
    documentHash: string;
    verify: string;
    signatures: string;
    name: string;
    jobTitle: string;
    organization: string;
    signedAt: string;
    signedHash: string;
    consent: string;
    page: string;
  };
  signatures: { heading: string; fullName: string; jobTitle: string; organization: string; signedAt: string; documentHash: string; consentText: string }[];
}

/** Keeps what WinAnsi (Helvetica's encoding) can show; typographic quotes and dashes are in it. */
export function toWinAnsi(text: string): string {
  return text.normalize("NFC").replace(/[\u2000-\u200a\u202f]/g, " ").replace(/[^\x09\x0a\x0d\x20-\x7e\u00a0-\u00ff\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u2026\u20ac]/g, "?");
}

const styles = StyleSheet.create({
  page: { paddingTop: 48, paddingBottom: 56, paddingHorizontal: 56, fontFamily: "Helvetica", fontSize: 10, color: "#0f172a" },
  title: { fontSize: 16, fontFamily: "Helvetica-Bold", marginBottom: 6 },
  meta: { fontSize: 8, color: "#475569", marginBottom: 2 },
  heading: { fontSize: 11, fontFamily: "Helvetica-Bold", marginTop: 12, marginBottom: 4 },
  paragraph: { marginBottom: 5 },
  sigHeading: { fontSize: 12, fontFamily: "Helvetica-Bold", marginTop: 18, marginBottom: 6 },
  sigBlock: { borderWidth: 1, borderColor: "#cbd5e1", padding: 8, marginBottom: 8 },
  sigTitle: { fontFamily: "Helvetica-Bold", marginBottom: 4 },
  sigLine: { fontSize: 9 },
  footer: { position: "absolute", bottom: 24, left: 56, right: 56, fontSize: 7, color: "#64748b", textAlign: "center" },
});

function AgreementDocument({ model }: { model: AgreementPdfModel }) {
  const w = toWinAnsi;
  const blocks = textBlocks(model.text);
  return (
    <Document title={w(model.title)} creator="Compliance Portal" producer="Compliance Portal">
      <Page size="A4" style={styles.page}>
        <Text
          style={styles.footer}
          fixed
          render={({ pageNumber, totalPages }) => `${w(model.labels.documentHash)}: ${model.documentHash}  -  ${w(model.labels.page)} ${pageNumber} / ${totalPages}`}
        />
        <Text style={styles.meta}>
          {w(model.labels.documentHash)}: {model.documentHash}
        </Text>
        <Text style={styles.meta}>
          {w(model.labels.verify)}: {w(model.verifyUrl)}
        </Text>
        {blocks.map((block, i) =>
          block.kind === "title" ? (
            <Text key={i} style={styles.title}>
              {w(block.text)}
            </Text>
          ) : block.kind === "heading" ? (
            <Text key={i} style={styles.heading} minPresenceAhead={40}>
              {w(block.text)}
            </Text>
          ) : (
            <Text key={i} style={styles.paragraph}>
              {w(block.text)}
            </Text>
          ),
        )}
        <Text style={styles.sigHeading} minPresenceAhead={120}>
          {w(model.labels.signatures)}
        </Text>
        {model.signatures.map((s, i) => (
          <View key={i} style={styles.sigBlock} wrap={false}>
            <Text style={styles.sigTitle}>{w(s.heading)}</Text>
            <Text style={styles.sigLine}>
              {w(model.labels.organization)}: {w(s.organization)}
            </Text>
            <Text style={styles.sigLine}>
              {w(model.labels.name)}: {w(s.fullName)}
            </Text>
            <Text style={styles.sigLine}>
              {w(model.labels.jobTitle)}: {w(s.jobTitle)}
            </Text>
            <Text style={styles.sigLine}>
              {w(model.labels.signedAt)}: {w(s.signedAt)}
            </Text>
            <Text style={styles.sigLine}>
              {w(model.labels.signedHash)}: {s.documentHash}
            </Text>
            <Text style={styles.sigLine}>
              {w(model.labels.consent)}: {w(s.consentText)}
            </Text>
          </View>
        ))}
      </Page>
    </Document>
  );
}

/** The PDF's bytes. */
export async function renderAgreementPdf(model: AgreementPdfModel): Promise<Buffer> {
  return renderToBuffer(<AgreementDocument model={model} />);
}
