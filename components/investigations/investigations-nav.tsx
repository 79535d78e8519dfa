import Link from "next/link";

const LINKS = [
  { id: "incidents", href: "/investigations", label: "Incidents" },
  { id: "resources", href: "/investigations/resources", label: "Resource activity" },
  { id: "allowlist", href: "/investigations/allowlist", label: "Allow-list" },
] as const;

export function InvestigationsNav({ current }: { current: (typeof LINKS)[number]["id"] | null }) {
  return (
    <nav className="inv-subnav" aria-label="Investigations">
      {LINKS.map((l) => (
        <Link key={l.id} href={l.href} aria-current={l.id === current ? "true" : undefined}>{l.label}</Link>
      ))}
    </nav>
  );
}
