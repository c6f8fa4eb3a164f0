import { closeDatabase, db, openDatabase } from "../client.server";
import { runMigrations } from "../migrate.server";
import { verifyAuditChain } from "~/domain/audit/verify-chain.server";
import { env } from "~/utils/env.server";

/** `npm run audit:verify`: exits 1 and names the first broken row when the chain is not intact. */
const { url } = await openDatabase({ databaseUrl: env().DATABASE_URL, dataDir: env().DATA_DIR });
let exitCode = 0;
try {
  await runMigrations(url);
  const result = await verifyAuditChain(db());
  if (result.ok) {
    console.log(`Audit trail intact: ${result.checked} events verified.`);
  } else {
    exitCode = 1;
    console.error(
      `Audit trail BROKEN at event #${result.break!.id} (${result.break!.reason}); ${result.checked} events before it verified.`,
    );
  }
} finally {
  await closeDatabase();
}
process.exit(exitCode);
