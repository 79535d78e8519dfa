import { isAtOrBelow } from "./host-paths";

/** writableOnly: the path is only dangerous when some container can write to it. */
export type PathEntry = { path: string; subtree?: boolean; writableOnly?: boolean; why: string };

/**
 * Container runtime sockets, the runtime directories that hold them, and /run and /var/run, which hold all of them.
 * Other entries below /run (kube-proxy's /run/xtables.lock, /run/udev) are not runtime sockets.
 */
export const RUNTIME_SOCKET_PATHS: PathEntry[] = [
  { path: "/var/run/docker.sock", why: "Docker socket" },
  { path: "/run/docker.sock", why: "Docker socket" },
  { path: "/var/run/docker", subtree: true, why: "Docker runtime directory" },
  { path: "/run/docker", subtree: true, why: "Docker runtime directory" },
  { path: "/var/run/cri-dockerd.sock", why: "cri-dockerd socket" },
  { path: "/run/cri-dockerd.sock", why: "cri-dockerd socket" },
  { path: "/var/run/dockershim.sock", why: "dockershim socket" },
  { path: "/run/containerd", subtree: true, why: "containerd socket directory" },
  { path: "/var/run/containerd", subtree: true, why: "containerd socket directory" },
  { path: "/run/k3s/containerd", subtree: true, why: "k3s containerd socket directory" },
  { path: "/var/snap/microk8s/common/run", subtree: true, why: "MicroK8s containerd socket directory" },
  { path: "/var/run/crio", subtree: true, why: "CRI-O socket directory" },
  { path: "/run/crio", subtree: true, why: "CRI-O socket directory" },
  { path: "/run/podman", subtree: true, why: "Podman socket directory" },
  { path: "/var/run", why: "directory holding the container runtime sockets" },
  { path: "/run", why: "directory holding the container runtime sockets" },
  { path: "\\\\.\\pipe\\docker_engine", why: "Docker named pipe" },
  { path: "\\\\.\\pipe\\containerd-containerd", why: "containerd named pipe" },
];

/**
 * Host paths that expose node credentials or let a container take over the node. "subtree" entries match anything
 * below them; the others only themselves, so harmless, common mounts such as /etc/localtime, /etc/ssl/certs,
 * /sys/fs/cgroup or /var/log/pods do not match.
 */
export const SENSITIVE_HOST_PATHS: PathEntry[] = [
  { path: "/", why: "the node's whole file system" },
  { path: "/etc", why: "node configuration" },
  { path: "/etc/kubernetes", subtree: true, why: "kubelet and control-plane credentials and static pod manifests" },
  { path: "/etc/shadow", why: "password hashes" },
  { path: "/etc/passwd", why: "the node's user table" },
  { path: "/etc/sudoers", why: "sudo configuration" },
  { path: "/etc/sudoers.d", subtree: true, why: "sudo configuration" },
  { path: "/etc/ssh", subtree: true, why: "SSH host keys and configuration" },
  { path: "/etc/crontab", why: "scheduled commands run as root" },
  { path: "/etc/cron.d", subtree: true, why: "scheduled commands run as root" },
  { path: "/etc/systemd", subtree: true, why: "services the node starts" },
  { path: "/etc/ld.so.preload", why: "libraries preloaded into every process" },
  { path: "/proc", subtree: true, why: "kernel and process interfaces" },
  { path: "/sys", why: "kernel interfaces" },
  { path: "/sys/kernel", subtree: true, why: "kernel interfaces" },
  { path: "/sys/firmware", subtree: true, why: "firmware interfaces" },
  { path: "/dev", why: "host devices" },
  { path: "/dev/mem", why: "physical memory" },
  { path: "/dev/kmem", why: "kernel memory" },
  { path: "/boot", subtree: true, why: "kernel images and boot configuration" },
  { path: "/root", subtree: true, why: "root's home directory" },
  { path: "/home", subtree: true, why: "users' home directories and SSH keys" },
  { path: "/var/lib/kubelet", subtree: true, why: "kubelet credentials and every pod's volumes, secrets included" },
  { path: "/var/lib/etcd", subtree: true, why: "the etcd database" },
  { path: "/var/lib/docker", subtree: true, why: "container runtime state" },
  { path: "/var/lib/containerd", subtree: true, why: "container runtime state" },
  { path: "/var", why: "node state, logs and runtime data" },
  { path: "/var/lib", why: "node state" },
  { path: "/var/log", writableOnly: true, why: "node logs; writable, it lets a container plant symlinks the kubelet follows" },
  { path: "/usr", why: "node binaries" },
  { path: "/bin", why: "node binaries" },
  { path: "/sbin", why: "node binaries" },
  { path: "/lib", why: "node libraries" },
  { path: "/lib64", why: "node libraries" },
];

/** The most specific entry a normalised host path falls under, if any. */
export const matchPath = (entries: PathEntry[], path: string): PathEntry | undefined => {
  let best: PathEntry | undefined;
  for (const e of entries) {
    if (!(path === e.path || (e.subtree && isAtOrBelow(path, e.path)))) continue;
    if (!best || e.path.length > best.path.length) best = e;
  }
  return best;
};
