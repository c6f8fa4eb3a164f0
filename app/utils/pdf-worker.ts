/**
 * pdf.js (for evidence previews) is served straight from the pdfjs-dist package rather than
 * bundled: the bundler's down-levelling breaks its class static blocks. See app/server/app.ts.
 */
export const PDF_LIB_URL = "/assets/pdf.mjs";
export const PDF_WORKER_URL = "/assets/pdf.worker.mjs";
