import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "#db/client.server";
import { infrastructureSchemas, tableTenancy } from "#db/schema/tenancy";

describe("tenancy classification", () => {
  it("classifies every table in the database, and nothing that is not there", async () => {
    const rows = await db().execute<{ table_name: string }>(sql`
      select table_name from information_schema.tables
      where table_type = 'BASE TABLE'
        and table_schema not in ('pg_catalog', 'information_schema')
        and table_schema not in (${sql.join(infrastructureSchemas.map((s) => sql`${s}`), sql`, `)})`);
    const tables = rows.map((r) => r.table_name).sort();
    const unclassified = tables.filter((t) => !(t in tableTenancy));
    expect(unclassified, "classify new tables in db/schema/tenancy.ts").toEqual([]);
    const stale = Object.keys(tableTenancy).filter((t) => !tables.includes(t));
    expect(stale).toEqual([]);
  });
});
