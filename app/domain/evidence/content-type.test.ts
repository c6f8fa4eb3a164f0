import { describe, expect, it } from "vitest";
import { decideContentType, extensionOf, hasPdfTrailer, looksLikeText } from "./content-type";
import { cleanFileName } from "./evidence-form";
import { contentDisposition, isInlineType } from "./file-response.server";

const bytes = (value: string | number[]) => (typeof value === "string" ? new TextEncoder().encode(value) : Uint8Array.from(value));

describe("decideContentType", () => {
  it.each([
    [{ ext: "pdf", mime: "application/pdf" }, "%PDF-1.7", "scan.PDF", { ok: true, contentType: "application/pdf", preview: "pdf" }],
    [{ ext: "png", mime: "image/png" }, [0x89, 0x50], "a.png", { ok: true, contentType: "image/png", preview: "image" }],
    [{ ext: "docx", mime: "x" }, [0x50, 0x4b], "policy.docx", { ok: true, preview: "none" }],
    [{ ext: "cfb", mime: "x" }, [0xd0, 0xcf], "old.xls", { ok: true, contentType: "application/vnd.ms-excel" }],
    [{ ext: "cfb", mime: "x" }, [0xd0, 0xcf], "mystery.bin", { ok: false, reason: "unsupported_type" }],
    [{ ext: "exe", mime: "x" }, [0x4d, 0x5a], "certificate.pdf", { ok: false, reason: "executable" }],
    [{ ext: "zip", mime: "application/zip" }, [0x50, 0x4b], "evidence.zip", { ok: false, reason: "unsupported_type" }],
    [undefined, "agent;course\n1;AVG\n", "roster.csv", { ok: true, contentType: "text/csv; charset=utf-8", preview: "text" }],
    [undefined, "<html><script>alert(1)</script>", "page.html", { ok: true, contentType: "text/plain; charset=utf-8" }],
    [undefined, "#!/bin/bash\necho hi", "notes.txt", { ok: false, reason: "executable" }],
    [undefined, [0x4d, 0x5a, 0x00, 0x01], "x.txt", { ok: false, reason: "executable" }],
    [undefined, [0x7f, 0x45, 0x4c, 0x46], "x.txt", { ok: false, reason: "executable" }],
    [undefined, [0x00, 0x01, 0x02, 0xff], "data.txt", { ok: false, reason: "unsupported_type" }],
  ] as const)("%j with %j named %s", (sniffed, head, name, expected) => {
    expect(decideContentType(sniffed, bytes(head as string | number[]), name)).toMatchObject(expected);
  });
});

describe("looksLikeText", () => {
  it("accepts UTF-8 with accents and a character cut off at the end of the sample", () => {
    const text = bytes("Verwerkersovereenkomst één");
    expect(looksLikeText(text)).toBe(true);
    expect(looksLikeText(text.slice(0, text.length - 1))).toBe(true);
  });
  it("refuses invalid UTF-8 and control characters", () => {
    expect(looksLikeText(bytes([0xc3, 0x28, 0x41]))).toBe(false);
    expect(looksLikeText(bytes("a\u0001b"))).toBe(false);
    expect(looksLikeText(new Uint8Array())).toBe(false);
  });
});

describe("file names and downloads", () => {
  it.each([
    ["C:\\Users\\anna\\ISO 27001.pdf", "ISO 27001.pdf"],
    ["../../etc/passwd", "passwd"],
    ["report\u0000\u001f.pdf", "report.pdf"],
    ["..", "file"],
    [`${"x".repeat(300)}.pdf`, `${"x".repeat(196)}.pdf`],
  ])("cleans %j to %j", (raw, clean) => {
    expect(cleanFileName(raw)).toBe(clean);
  });

  it("gives an ASCII fallback and the exact UTF-8 name", () => {
    expect(contentDisposition("attachment", 'Beleid "één".pdf')).toBe(
      `attachment; filename="Beleid ___n_.pdf"; filename*=UTF-8''Beleid%20%22%C3%A9%C3%A9n%22.pdf`,
    );
  });

  it("shows only PDFs and common images inline", () => {
    expect(isInlineType("application/pdf")).toBe(true);
    expect(isInlineType("image/png")).toBe(true);
    expect(isInlineType("text/plain; charset=utf-8")).toBe(false);
    expect(isInlineType("image/tiff")).toBe(false);
  });

  it("checks a PDF's end marker and reads extensions", () => {
    expect(hasPdfTrailer(bytes("...startxref\n123\n%%EOF\n"))).toBe(true);
    expect(hasPdfTrailer(bytes("...obj\nendobj\n"))).toBe(false);
    expect(extensionOf("Report.Final.XLSX")).toBe("xlsx");
    expect(extensionOf("noext")).toBe("");
  });
});
