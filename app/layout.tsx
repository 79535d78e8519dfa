import type { Metadata } from "next";
import { cookies } from "next/headers";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = { title: { default: "Tower", template: "%s · Tower" }, description: "Kubernetes security control tower" };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The theme comes from a cookie so that the first paint is right; without one, the OS preference applies.
  const theme = (await cookies()).get("tower-theme")?.value;
  return (
    <html lang="en" data-theme={theme === "dark" || theme === "light" ? theme : undefined}>
      <body>{children}</body>
    </html>
  );
}
