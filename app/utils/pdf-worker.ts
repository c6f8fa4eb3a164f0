/** Where the pdf.js worker (for evidence previews) is served from; see app/server/app.ts. */
export const PDF_WORKER_URL = "/assets/pdf.worker.mjs";
