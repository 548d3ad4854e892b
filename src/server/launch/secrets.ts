// Secrets an install without configuration still needs (session signing, token
// encryption), generated once into the data folder and reused, so a restart keeps
// sessions and can still decrypt stored tokens.
import { randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

export interface LocalSecrets {
  authSecret: string;
  tokenEncryptionKey: string;
}

export async function loadOrCreateSecrets(dataDir: string): Promise<LocalSecrets> {
  const file = path.join(dataDir, "secrets.json");
  try {
    return JSON.parse(await readFile(file, "utf8")) as LocalSecrets;
  } catch {
    const secrets = {
      authSecret: randomBytes(32).toString("base64"),
      tokenEncryptionKey: randomBytes(32).toString("base64"),
    };
    await mkdir(dataDir, { recursive: true, mode: 0o700 });
    await writeFile(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
    return secrets;
  }
}
