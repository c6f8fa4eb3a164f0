import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { buttonClass } from "~/components/ui/button";
import { PDF_LIB_URL, PDF_WORKER_URL } from "~/utils/pdf-worker";

const FIRST_PAGES = 5;

/**
 * A look at a stored file inside the page: images as images, PDFs drawn page by page onto
 * canvases by pdf.js (no plug-in, no script from the document ever runs), anything else as a
 * download link only.
 */
export function EvidencePreview({ fileUrl, contentType, title }: { fileUrl: string; contentType: string; title: string }) {
  const { t } = useTranslation("evidence");
  if (contentType.startsWith("image/") && ["image/png", "image/jpeg", "image/gif", "image/webp"].includes(contentType)) {
    return <img src={fileUrl} alt={title} className="max-h-[70vh] max-w-full rounded border border-slate-200" />;
  }
  if (contentType === "application/pdf") return <PdfPreview fileUrl={fileUrl} />;
  return (
    <p className="text-sm text-slate-600">
      {t("preview.none")}{" "}
      <a className="text-brand-700 underline" href={`${fileUrl}?download=1`}>
        {t("preview.download")}
      </a>
    </p>
  );
}

type PdfState = { status: "loading" } | { status: "error" } | { status: "ready"; pages: number };

function PdfPreview({ fileUrl }: { fileUrl: string }) {
  const { t } = useTranslation("evidence");
  const container = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<PdfState>({ status: "loading" });
  const [showAll, setShowAll] = useState(false);

  useEffect(() => {
    let cancelled = false;
    let destroy: (() => void) | undefined;
    (async () => {
      try {
        const pdfjs = (await import(/* @vite-ignore */ PDF_LIB_URL)) as typeof import("pdfjs-dist");
        pdfjs.GlobalWorkerOptions.workerSrc = PDF_WORKER_URL;
        const task = pdfjs.getDocument({ url: fileUrl, isEvalSupported: false, withCredentials: true });
        destroy = () => void task.destroy();
        const doc = await task.promise;
        if (cancelled || !container.current) return;
        const limit = showAll ? doc.numPages : Math.min(doc.numPages, FIRST_PAGES);
        container.current.replaceChildren();
        for (let number = 1; number <= limit; number++) {
          const page = await doc.getPage(number);
          if (cancelled || !container.current) return;
          const viewport = page.getViewport({ scale: 1.3 });
          const canvas = document.createElement("canvas");
          canvas.width = viewport.width;
          canvas.height = viewport.height;
          canvas.className = "mx-auto mb-4 max-w-full border border-slate-200 shadow-sm";
          canvas.setAttribute("role", "img");
          canvas.setAttribute("aria-label", t("preview.page", { number, total: doc.numPages }));
          container.current.appendChild(canvas);
          await page.render({ canvas, canvasContext: canvas.getContext("2d")!, viewport }).promise;
        }
        if (!cancelled) setState({ status: "ready", pages: doc.numPages });
      } catch {
        if (!cancelled) setState({ status: "error" });
      }
    })();
    return () => {
      cancelled = true;
      destroy?.();
    };
  }, [fileUrl, showAll, t]);

  return (
    <div>
      {state.status === "loading" ? <p className="text-sm text-slate-600">{t("preview.loading")}</p> : null}
      {state.status === "error" ? (
        <p className="text-sm text-red-700" role="alert">
          {t("preview.failed")}
        </p>
      ) : null}
      <div ref={container} data-testid="pdf-pages" className="max-h-[75vh] overflow-auto bg-slate-100 p-4" />
      {state.status === "ready" && state.pages > FIRST_PAGES && !showAll ? (
        <button type="button" className={buttonClass("secondary")} onClick={() => setShowAll(true)}>
          {t("preview.showAll", { count: state.pages })}
        </button>
      ) : null}
    </div>
  );
}
