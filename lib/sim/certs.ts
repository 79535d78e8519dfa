import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/** PEM material for one simulator process: the CA, the server pair, a client pair, and an unrelated CA. */
export type SimCerts = {
  caCert: string;
  caKey: string;
  serverCert: string;
  serverKey: string;
  /** A client certificate (CN = user, O = group) signed by the CA. */
  clientCert: string;
  clientKey: string;
  clientUser: string;
  /** A CA that signed nothing here: a kubeconfig carrying it makes the client fail TLS verification. */
  wrongCaCert: string;
};

export const CLIENT_CERT_USER = "tower-cert-admin";

let cached: SimCerts | undefined;

const openssl = (args: string[], cwd: string) => execFileSync("openssl", args, { cwd, stdio: ["ignore", "pipe", "pipe"] });

const newKey = (dir: string, name: string) => openssl(["ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", name], dir);

const selfSignedCa = (dir: string, name: string, cn: string) => {
  newKey(dir, `${name}.key`);
  openssl(
    ["req", "-x509", "-new", "-key", `${name}.key`, "-sha256", "-days", "3650", "-subj", `/CN=${cn}`, "-addext", "basicConstraints=critical,CA:TRUE",
      "-addext", "keyUsage=critical,keyCertSign,cRLSign,digitalSignature", "-out", `${name}.crt`],
    dir,
  );
};

const signedLeaf = (dir: string, name: string, subj: string, ext: string) => {
  newKey(dir, `${name}.key`);
  openssl(["req", "-new", "-key", `${name}.key`, "-subj", subj, "-out", `${name}.csr`], dir);
  fs.writeFileSync(path.join(dir, `${name}.ext`), ext);
  openssl(
    ["x509", "-req", "-in", `${name}.csr`, "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial", "-days", "825", "-sha256", "-extfile", `${name}.ext`, "-out", `${name}.crt`],
    dir,
  );
};

/**
 * Generates the certificates with the openssl CLI (node:crypto cannot issue X.509 certificates),
 * once per process, in a temporary directory that is removed right after.
 */
export const simCerts = (): SimCerts => {
  if (cached) return cached;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tower-sim-certs-"));
  try {
    selfSignedCa(dir, "ca", "tower-sim-ca");
    selfSignedCa(dir, "wrong-ca", "not-the-tower-sim-ca");
    signedLeaf(dir, "server", "/CN=tower-sim-apiserver",
      "basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\nsubjectAltName=IP:127.0.0.1,DNS:localhost\n");
    signedLeaf(dir, "client", `/O=system:masters/CN=${CLIENT_CERT_USER}`,
      "basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=clientAuth\n");
    const read = (f: string) => fs.readFileSync(path.join(dir, f), "utf8");
    cached = {
      caCert: read("ca.crt"),
      caKey: read("ca.key"),
      serverCert: read("server.crt"),
      serverKey: read("server.key"),
      clientCert: read("client.crt"),
      clientKey: read("client.key"),
      clientUser: CLIENT_CERT_USER,
      wrongCaCert: read("wrong-ca.crt"),
    };
    return cached;
  } catch (err) {
    const stderr = (err as { stderr?: Buffer }).stderr?.toString().trim();
    throw new Error(`tower sim: could not generate certificates with openssl${stderr ? `: ${stderr}` : ""}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
};
