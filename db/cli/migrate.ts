import { closeDatabase, db, openDatabase } from "../client.server";
import { runMigrations } from "../migrate.server";
import { syncStandardLibrary } from "~/domain/questionnaires/templates/sync-library.server";
import { env } from "~/utils/env.server";

const { url } = await openDatabase({ databaseUrl: env().DATABASE_URL, dataDir: env().DATA_DIR });
try {
  await runMigrations(url);
  await syncStandardLibrary(db());
  console.log("Migrations applied; standard questionnaire library up to date.");
} finally {
  await closeDatabase();
}
