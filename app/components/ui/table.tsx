import type { ReactNode } from "react";

/**
 * A data table with an (announced, not shown) caption and column headers; rows are the
 * children. `framed` draws it as a card of its own; unframed it sits inside one.
 */
export function DataTable({
  caption,
  columns,
  children,
  framed = true,
}: {
  caption: string;
  columns: ReactNode[];
  children: ReactNode;
  framed?: boolean;
}) {
  return (
    <div className={framed ? "overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm" : "overflow-x-auto"}>
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className={`text-left text-xs font-semibold uppercase tracking-wide text-slate-600 ${framed ? "bg-slate-50" : ""}`}>
          <tr>
            {columns.map((column, i) => (
              <th key={i} scope="col" className="px-3 py-2">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 align-top">{children}</tbody>
      </table>
    </div>
  );
}
