import { randomBytes } from "node:crypto";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "../../db/embedded-postgres.server";
import { runMigrations } from "../../db/migrate.server";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    /** A fresh DATA_DIR per run: evidence files stored by the tests land here. */
    dataDir: string;
  }
}

/**
 * One fresh database per test run: on TEST_DATABASE_URL's server when set (CI runs against the
 * machine's PostgreSQL), else on an embedded PostgreSQL in a temporary folder. Migrated once;
 * tests keep apart by creating their own organizations.
 */
export default async function setup(project: TestProject) {
  const { url, cleanup } = await createTestDatabase();
  project.provide("databaseUrl", url);
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "portal-data-"));
  project.provide("dataDir", dataDir);
  return async () => {
    await cleanup();
    await rm(dataDir, { recursive: true, force: true });
  };
}

export async function createTestDatabase(): Promise<{ url: string; cleanup: () => Promise<void> }> {
  const name = `portal_test_${Date.now()}_${randomBytes(3).toString("hex")}`;
  const external = process.env.TEST_DATABASE_URL;
  let cleanup: () => Promise<void>;
  let url: string;
  if (external) {
    const admin = postgres(external, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    await admin.end();
    const parsed = new URL(external);
    parsed.pathname = `/${name}`;
    url = parsed.toString();
    cleanup = async () => {
      const again = postgres(external, { max: 1, onnotice: () => {} });
      await again.unsafe(`drop database if exists ${name} with (force)`);
      await again.end();
    };
  } else {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), "portal-test-"));
    // As root, PostgreSQL runs as the "postgres" user, which must be able to enter the folder.
    await chmod(dataDir, 0o755);
    const server = await startEmbeddedPostgres({ dataDir, durable: false });
    await server.createDatabase(name);
    url = server.url(name);
    cleanup = async () => {
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    };
  }
  await runMigrations(url);
  return { url, cleanup };
}
