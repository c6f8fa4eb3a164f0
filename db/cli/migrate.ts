import { closeDatabase, openDatabase } from "../client.server";
import { runMigrations } from "../migrate.server";
import { env } from "~/utils/env.server";

const { url } = await openDatabase({ databaseUrl: env().DATABASE_URL, dataDir: env().DATA_DIR });
try {
  await runMigrations(url);
  console.log("Migrations applied.");
} finally {
  await closeDatabase();
}
