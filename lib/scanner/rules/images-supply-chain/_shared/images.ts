import type { ScanContext } from "../../../define-rule";
import { containersOf, type ContainerRef, type PodSpecRef } from "../../../pod-spec";
import { parseImageRef, type ImageRef } from "./image-ref";

export type ContainerImage = { c: ContainerRef; image: string; ref: ImageRef | undefined; path: string };

/** Parsed references shared by the image rules of one scan (a workload's images are parsed once, not once per rule). */
const parsed = (ctx: ScanContext, image: string): ImageRef | undefined => {
  const cache = ctx.snapshot.memo("images-supply-chain:parsed", () => new Map<string, ImageRef | undefined>());
  if (!cache.has(image)) cache.set(image, parseImageRef(image));
  return cache.get(image);
};

/** Every container (regular, init, ephemeral) that names an image, with the parsed reference (undefined when malformed). */
export const containerImages = (pod: PodSpecRef, ctx: ScanContext): ContainerImage[] =>
  containersOf(pod).flatMap((c) => {
    const image = c.container.image;
    if (typeof image !== "string" || !image.trim()) return [];
    return [{ c, image, ref: parsed(ctx, image), path: `${c.path}.image` }];
  });

/** Kubernetes' default pull policy: Always for :latest or no tag (and no digest), IfNotPresent otherwise. */
export const effectivePullPolicy = (ci: ContainerImage): { policy: string; explicit: boolean } => {
  const set = ci.c.container.imagePullPolicy;
  if (typeof set === "string" && set) return { policy: set, explicit: true };
  const mutableDefault = !ci.ref?.digest && (!ci.ref?.tag || ci.ref.tag === "latest");
  return { policy: mutableDefault ? "Always" : "IfNotPresent", explicit: false };
};
