import { ENVIRONMENTS, type TEnvironment } from "@/lib/client/clusters";

export type TMetaDraft = { name: string; environment: TEnvironment; ownerTeam: string };

/** Name, environment and owner team of a cluster to be added. */
export function ClusterMetaFields({ idPrefix, value, onChange, disabled }: { idPrefix: string; value: TMetaDraft; onChange: (v: TMetaDraft) => void; disabled?: boolean }) {
  return (
    <div className="meta-fields">
      <div>
        <label htmlFor={`${idPrefix}-name`}>Name in Tower</label>
        <input id={`${idPrefix}-name`} required pattern="[a-zA-Z0-9][a-zA-Z0-9._\-]*" maxLength={63} disabled={disabled} value={value.name} onChange={(e) => onChange({ ...value, name: e.target.value })} />
      </div>
      <div>
        <label htmlFor={`${idPrefix}-env`}>Environment</label>
        <select id={`${idPrefix}-env`} disabled={disabled} value={value.environment} onChange={(e) => onChange({ ...value, environment: e.target.value as TEnvironment })}>
          {ENVIRONMENTS.map((env) => <option key={env} value={env}>{env}</option>)}
        </select>
      </div>
      <div>
        <label htmlFor={`${idPrefix}-team`}>Owner team <span className="muted">(optional)</span></label>
        <input id={`${idPrefix}-team`} maxLength={100} disabled={disabled} value={value.ownerTeam} onChange={(e) => onChange({ ...value, ownerTeam: e.target.value })} />
      </div>
    </div>
  );
}

/** A context name made acceptable as a cluster name (letters, digits, '.', '_', '-'). */
export const suggestName = (context: string) => context.replace(/^[^a-zA-Z0-9]+/, "").replace(/[^a-zA-Z0-9._-]+/g, "-").slice(0, 63) || "cluster";

export const guessEnvironment = (context: string): TEnvironment => (/prod/i.test(context) ? "prod" : /stag/i.test(context) ? "staging" : "dev");
