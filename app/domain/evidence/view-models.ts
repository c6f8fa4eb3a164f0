/** Plain view models of evidence, shared by the server modules that build them and the components that show them. */

/** One file (a version of a document) as an evidence answer shows it. */
export interface EvidenceFileView {
  versionId: string;
  evidenceId: string;
  title: string;
  fileName: string;
  version: number;
  validUntil: string | null;
}

/** What an upload answers, as JSON to the progress bar or as a page action's data. */
export interface UploadOutcome {
  ok: boolean;
  url?: string;
  evidenceId?: string;
  versionId?: string;
  formError?: { key: string; params?: Record<string, string | number> };
  fieldErrors?: Record<string, string[]>;
}
