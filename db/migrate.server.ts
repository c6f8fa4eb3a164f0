import path from "node:path";
import { fileURLToPath } from "node:url";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import { connect } from "./client.server";

const migrationsFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../migrations");

/**
 * Applies the SQL migrations in `migrations/`. An advisory lock makes concurrent start-ups of
 * several app instances wait for each other instead of racing.
 */
export async function runMigrations(url: string, folder = migrationsFolder) {
  const { sql, db } = connect(url, { max: 1 });
  try {
    await sql`select pg_advisory_lock(727274)`;
    await migrate(db, { migrationsFolder: folder });
    await sql`select pg_advisory_unlock(727274)`;
  } finally {
    await sql.end({ timeout: 5 });
  }
}
