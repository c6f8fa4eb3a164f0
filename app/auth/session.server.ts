import { DrizzlePostgreSQLAdapter } from "@lucia-auth/adapter-drizzle";
import { Lucia, TimeSpan } from "lucia";
import { eq } from "drizzle-orm";
import { db } from "#db/client.server";
import { sessions, users } from "#db/schema/index";
import { env } from "~/utils/env.server";

/**
 * The only importer of lucia (its v3 is no longer maintained upstream, so it stays behind this
 * module). Sessions end after SESSION_IDLE_MINUTES without a request and SESSION_ABSOLUTE_HOURS
 * after sign-in, whichever comes first.
 */
function createLucia() {
  return new Lucia(new DrizzlePostgreSQLAdapter(db(), sessions, users), {
    sessionExpiresIn: new TimeSpan(env().SESSION_ABSOLUTE_HOURS, "h"),
    sessionCookie: {
      name: "portal_session",
      // Secure when served over https (APP_URL); a local http://localhost demo still gets its cookie.
      attributes: { secure: env().APP_URL?.startsWith("https://") ?? false, sameSite: "lax" },
    },
    getUserAttributes: (attributes) => ({
      email: attributes.email,
      name: attributes.name,
      locale: attributes.locale,
    }),
    getSessionAttributes: (attributes) => ({
      createdAt: attributes.createdAt,
      lastSeenAt: attributes.lastSeenAt,
    }),
  });
}

declare module "lucia" {
  interface Register {
    Lucia: ReturnType<typeof createLucia>;
    DatabaseUserAttributes: { email: string; name: string; locale: "nl" | "en" | null };
    // The drizzle adapter writes attributes by the table's TypeScript keys.
    DatabaseSessionAttributes: {
      createdAt: Date;
      lastSeenAt: Date;
      ipAddress: string | null;
      userAgent: string | null;
    };
  }
}

// One lucia per database client: a process that reopens the database (scripts, benchmarks)
// must not keep talking to the closed one.
let instance: { database: ReturnType<typeof db>; lucia: ReturnType<typeof createLucia> } | undefined;
function lucia() {
  const database = db();
  if (instance?.database !== database) instance = { database, lucia: createLucia() };
  return instance.lucia;
}

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  locale: "nl" | "en" | null;
}

export interface ValidSession {
  sessionId: string;
  user: SessionUser;
}

const LAST_SEEN_GRANULARITY_MS = 60_000;

export async function validateSessionCookie(cookieHeader: string | null): Promise<ValidSession | null> {
  const sessionId = lucia().readSessionCookie(cookieHeader ?? "");
  if (!sessionId) return null;
  const { session, user } = await lucia().validateSession(sessionId);
  if (!session || !user) return null;
  const now = Date.now();
  const createdAt = new Date(session.createdAt ?? now).getTime();
  const lastSeenAt = new Date(session.lastSeenAt ?? now).getTime();
  const idleLimit = env().SESSION_IDLE_MINUTES * 60_000;
  const absoluteLimit = env().SESSION_ABSOLUTE_HOURS * 3_600_000;
  if (now - lastSeenAt > idleLimit || now - createdAt > absoluteLimit) {
    await lucia().invalidateSession(session.id);
    return null;
  }
  if (now - lastSeenAt > LAST_SEEN_GRANULARITY_MS) {
    await db().update(sessions).set({ lastSeenAt: new Date(now) }).where(eq(sessions.id, session.id));
  }
  return { sessionId: session.id, user: { id: user.id, email: user.email, name: user.name, locale: user.locale } };
}

/** Starts a new session (never reusing one that came in with the request) and returns its cookie. */
export async function startSession(
  userId: string,
  meta: { ipAddress: string | null; userAgent: string | null },
  previousCookieHeader?: string | null,
): Promise<string> {
  const previous = lucia().readSessionCookie(previousCookieHeader ?? "");
  if (previous) await lucia().invalidateSession(previous);
  const now = new Date();
  const session = await lucia().createSession(userId, {
    createdAt: now,
    lastSeenAt: now,
    ipAddress: meta.ipAddress,
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
  });
  // Without Max-Age the cookie ends when the browser closes (shared contact-center PCs); the
  // server still enforces the idle and absolute timeouts.
  const cookie = lucia().createSessionCookie(session.id);
  cookie.attributes.maxAge = undefined;
  return cookie.serialize();
}

export async function endAllSessions(userId: string) {
  await lucia().invalidateUserSessions(userId);
}

export function blankSessionCookie(): string {
  return lucia().createBlankSessionCookie().serialize();
}
