"use client";

import { useEffect, useState } from "react";

type Theme = "light" | "dark" | "system";

const apply = (theme: Theme) => {
  if (theme === "system") {
    document.documentElement.removeAttribute("data-theme");
    document.cookie = "tower-theme=; path=/; max-age=0; samesite=lax";
  } else {
    document.documentElement.setAttribute("data-theme", theme);
    document.cookie = `tower-theme=${theme}; path=/; max-age=31536000; samesite=lax`;
  }
};

export function ThemeToggle() {
  const [theme, setTheme] = useState<Theme>("system");
  useEffect(() => {
    const current = document.documentElement.getAttribute("data-theme");
    setTheme(current === "dark" || current === "light" ? current : "system");
  }, []);
  return (
    <label style={{ margin: 0, fontWeight: 400 }}>
      <span className="muted">Theme</span>
      <select
        aria-label="Theme"
        value={theme}
        onChange={(e) => {
          const next = e.target.value as Theme;
          setTheme(next);
          apply(next);
        }}
      >
        <option value="system">System</option>
        <option value="light">Light</option>
        <option value="dark">Dark</option>
      </select>
    </label>
  );
}
