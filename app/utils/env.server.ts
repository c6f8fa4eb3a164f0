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
});

export type Env = z.infer<typeof envSchema>;

let parsed: Env | undefined;

export function env(): Env {
  if (!parsed) {
    const result = envSchema.safeParse(process.env);
    if (!result.success) {
      const problems = result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
      throw new Error(`Invalid environment configuration:\n  ${problems.join("\n  ")}`);
    }
    parsed = result.data;
  }
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
