import { drizzle, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "./schema/index";
import { startEmbeddedPostgres, type EmbeddedServer } from "./embedded-postgres.server";

export type Database = PostgresJsDatabase<typeof schema>;
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
/** Either the database or an open transaction: queries accept both. */
export type Executor = Database | Transaction;

interface DatabaseState {
  url: string;
  sql: postgres.Sql;
  db: Database;
  embedded?: EmbeddedServer;
}

// The launcher (tsx) and the Remix server bundle each get their own copy of this module;
// keeping the state on globalThis gives them one connection pool and one embedded server.
const holder = globalThis as typeof globalThis & { __portalDatabase?: DatabaseState };

export function connect(url: string, options: { max?: number } = {}): DatabaseState {
  const sql = postgres(url, {
    max: options.max ?? 10,
    idle_timeout: 20,
    onnotice: () => {},
    connection: { application_name: "contact-compliance-portal", TimeZone: "UTC" },
  });
  return { url, sql, db: drizzle(sql, { schema, casing: "snake_case" }) };
}

/**
 * Opens the one database for this process: the server at `databaseUrl`, or else an embedded
 * PostgreSQL under `dataDir` (started once, stopped by {@link closeDatabase}).
 */
export async function openDatabase(options: {
  databaseUrl?: string;
  dataDir: string;
  log?: (message: string) => void;
}): Promise<{ url: string; isEmbedded: boolean }> {
  if (holder.__portalDatabase) {
    return { url: holder.__portalDatabase.url, isEmbedded: !!holder.__portalDatabase.embedded };
  }
  if (options.databaseUrl) {
    holder.__portalDatabase = connect(options.databaseUrl);
    return { url: options.databaseUrl, isEmbedded: false };
  }
  const embedded = await startEmbeddedPostgres({ dataDir: options.dataDir, log: options.log });
  await embedded.createDatabase("portal");
  const url = embedded.url("portal");
  holder.__portalDatabase = { ...connect(url), embedded };
  return { url, isEmbedded: true };
}

/** Uses an already running server (tests, scripts) without owning its lifecycle. */
export function useDatabaseUrl(url: string) {
  if (holder.__portalDatabase?.url === url) return;
  holder.__portalDatabase = connect(url);
}

export function db(): Database {
  const state = holder.__portalDatabase;
  if (!state) throw new Error("Database not opened: call openDatabase() during start-up.");
  return state.db;
}

export function databaseUrl(): string {
  const state = holder.__portalDatabase;
  if (!state) throw new Error("Database not opened.");
  return state.url;
}

export async function closeDatabase() {
  const state = holder.__portalDatabase;
  holder.__portalDatabase = undefined;
  if (!state) return;
  await state.sql.end({ timeout: 5 });
  await state.embedded?.stop();
}
