import { z } from "zod";

// The only reader of process.env. Empty strings count as unset, so `FOO=` in a .env file means "default".
const emptyAsUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optional = () => z.preprocess(emptyAsUndefined, z.string().optional());

const ZEnv = z.object({
  NODE_ENV: z.preprocess(emptyAsUndefined, z.enum(["development", "production", "test"]).default("development")),
  DATABASE_URL: optional(),
  PORT: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(65535).default(3000)),
  HOSTNAME: z.preprocess(emptyAsUndefined, z.string().default("0.0.0.0")),
  TOWER_URL: optional(),
  TOWER_HOME: z.preprocess(emptyAsUndefined, z.string().default(".tower")),
  TOWER_PG_PORT: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(65535).default(54329)),
  TOWER_ADMIN_EMAIL: z.preprocess(emptyAsUndefined, z.email().optional()),
  TOWER_ADMIN_PASSWORD: optional(),
  TOWER_ORG_NAME: z.preprocess(emptyAsUndefined, z.string().default("My organization")),
  TOWER_AUTH_SECRET: optional(),
  NEXTAUTH_SECRET: optional(),
  TOWER_ENCRYPTION_KEY: optional(),
  TOWER_SESSION_MAX_AGE_HOURS: z.preprocess(emptyAsUndefined, z.coerce.number().positive().default(12)),
  TOWER_OIDC_ISSUER: optional(),
  TOWER_OIDC_CLIENT_ID: optional(),
  TOWER_OIDC_CLIENT_SECRET: optional(),
  TOWER_OIDC_NAME: z.preprocess(emptyAsUndefined, z.string().default("SSO")),
  TOWER_WEB: z.preprocess(emptyAsUndefined, z.enum(["0", "1"]).default("1")),
  TOWER_DEMO_KUBECONFIG: optional(),
  TOWER_WORKERS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).default(1)),
  TOWER_WORKER_HEAP_MB: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(256).default(768)),
  // Workers yield the CPU to the web server (ingest must keep up with bursts; detection catches up after).
  TOWER_WORKER_NICE: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).max(19).default(10)),
  TOWER_WORKER_CONCURRENCY: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).default(2)),
  TOWER_MAX_BODY_BYTES: z.preprocess(emptyAsUndefined, z.coerce.number().int().positive().default(1_048_576)),
  TOWER_AUDIT_RETENTION_DAYS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(3650).default(90)),
  TOWER_AUDIT_MAX_BATCH_BYTES: z.preprocess(emptyAsUndefined, z.coerce.number().int().positive().default(16 * 1_048_576)),
  TOWER_AUDIT_MAX_INFLIGHT: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).default(16)),
  TOWER_LOG_LEVEL: z.preprocess(emptyAsUndefined, z.enum(["debug", "info", "warn", "error"]).default("info")),
  SKIP_ENV_VALIDATION: optional(),
});

export type TEnv = z.infer<typeof ZEnv>;

let cached: TEnv | undefined;

/** Parsed environment; throws a readable error naming the bad variables. */
export const env = (): TEnv => {
  if (cached) return cached;
  const parsed = ZEnv.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid environment: ${problems}`);
  }
  cached = parsed.data;
  return cached;
};

/** Tests change the environment between cases. */
export const resetEnvCache = () => {
  cached = undefined;
};
