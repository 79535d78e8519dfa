"use client";

import { usePathname, useRouter } from "next/navigation";
import { useCallback, useState } from "react";

/** State mirrored into the query string (replace, no scroll), so a view can be shared as a link. */
export const useUrlState = <T extends Record<string, string | undefined>>(initial: T) => {
  const router = useRouter();
  const pathname = usePathname();
  const [state, setState] = useState<T>(initial);
  const update = useCallback(
    (next: T) => {
      setState(next);
      const qs = new URLSearchParams(Object.entries(next).filter((e): e is [string, string] => !!e[1])).toString();
      router.replace(`${pathname}${qs ? `?${qs}` : ""}`, { scroll: false });
    },
    [router, pathname],
  );
  return [state, update] as const;
};
