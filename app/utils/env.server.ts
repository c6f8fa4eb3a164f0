import { z } from "zod";

/**
 * The only reader of process.env. Parsed once, on first use, so that a typo in a
 * deployment fails at start-up with a readable message instead of deep in a request.
 */
const optionalUrl = z.preprocess(
  (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
  z.string().trim().url().optional(),
);

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  APP_URL: optionalUrl,
  DATABASE_URL: optionalUrl,
  DATA_DIR: z.string().default("./data"),
  SESSION_SECRET: z.string().min(16).optional(),
  SMTP_URL: optionalUrl,
  /** auto: the development mailbox is on unless this is a deployment (see below) or SMTP is set. */
  DEV_MAILBOX: z.enum(["auto", "on", "off"]).default("auto"),
  MAIL_FROM: z.string().default("Compliance Portal <no-reply@portal.localhost>"),
  SEED_DEMO_DATA: z
    .enum(["auto", "always", "never"])
    .default("auto"),
  RUN_JOBS: z
    .enum(["true", "false"])
    .default("true")
    .transform((v) => v === "true"),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(5).max(24 * 60).default(60),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
  MAX_FORM_BYTES: z.coerce.number().int().min(1024).default(256 * 1024),
  /** Hops of reverse proxies in front of the app whose X-Forwarded-For may be trusted. */
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  LOG_LEVEL: z.enum(["silent", "info", "debug"]).default("info"),
  /** Largest evidence file accepted, in megabytes. */
  MAX_UPLOAD_MB: z.coerce.number().min(0.001).max(10_000).default(50),
  /** Evidence in an S3-compatible bucket when set; otherwise in DATA_DIR/evidence. */
  S3_BUCKET: z.preprocess((v) => (v === "" ? undefined : v), z.string().optional()),
  S3_ENDPOINT: optionalUrl,
  S3_REGION: z.string().default("us-east-1"),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  S3_FORCE_PATH_STYLE: z
    .enum(["true", "false"])
    .default("false")
    .transform((v) => v === "true"),
  S3_PREFIX: z.string().default(""),
});

/**
 * A deployment is production mode on an external database. It must name its public address (e-mail
 * links are never built from a request's Host header) and a secret shared by all instances.
 */
const checkedEnvSchema = envSchema.superRefine((value, ctx) => {
  if (value.NODE_ENV !== "production" || !value.DATABASE_URL) return;
  if (!value.APP_URL) ctx.addIssue({ code: "custom", path: ["APP_URL"], message: "required in production with DATABASE_URL" });
  if (!value.SESSION_SECRET) {
    ctx.addIssue({ code: "custom", path: ["SESSION_SECRET"], message: "required in production with DATABASE_URL" });
  }
});

export type Env = z.infer<typeof envSchema>;

let parsed: Env | undefined;

/** Parses settings; throws one readable message listing every problem. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = checkedEnvSchema.safeParse(source);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment configuration:\n  ${problems.join("\n  ")}`);
  }
  return result.data;
}

export function env(): Env {
  parsed ??= parseEnv(process.env);
  return parsed;
}

/** Tests and the launcher adjust settings before the app reads them. */
export function overrideEnv(values: Partial<Record<keyof Env, string>>) {
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  parsed = undefined;
}

export const isProduction = () => env().NODE_ENV === "production";

/** Production on an external database, as opposed to a demo on the embedded one. */
export const isDeployment = () => isProduction() && !!env().DATABASE_URL;

/** The portal's public address: APP_URL, else the local demo address. */
export const publicUrl = () => (env().APP_URL ?? `http://localhost:${env().PORT}`).replace(/\/$/, "");
