import { closeDatabase, db, openDatabase } from "../client.server";
import { runMigrations } from "../migrate.server";
import { DEMO_PASSWORD, isDatabaseEmpty, seedDemoData } from "../seed/demo";
import { syncStandardLibrary } from "~/domain/questionnaires/templates/sync-library.server";
import { env } from "~/utils/env.server";

/** `npm run db:seed`: loads the demo data into an empty database (embedded or DATABASE_URL). */
const { url } = await openDatabase({ databaseUrl: env().DATABASE_URL, dataDir: env().DATA_DIR });
try {
  await runMigrations(url);
  await syncStandardLibrary(db());
  if (!(await isDatabaseEmpty(db()))) {
    console.log("The database already holds data; demo data is only loaded into an empty database.");
  } else {
    await seedDemoData(db());
    console.log(`Demo data loaded. Every demo account's password: ${DEMO_PASSWORD}`);
  }
} finally {
  await closeDatabase();
}
