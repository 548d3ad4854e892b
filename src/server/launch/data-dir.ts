// The data folder holds the embedded database and secrets.json (session signing and
// token encryption keys): only the owner may read it. New files get 0600 through the
// process umask; a folder left by an older version (files 0666) is fixed on start.
import { chmod, mkdir, readdir } from "node:fs/promises";
import path from "node:path";

export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** From here on, whatever this process creates is private to its owner. */
export function makeNewFilesPrivate(): void {
  process.umask(0o077);
}

/** Creates the folder 0700, or tightens an existing one and everything inside it. */
export async function securePrivateDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  await tighten(dir);
}

async function tighten(dir: string): Promise<void> {
  await chmod(dir, PRIVATE_DIR_MODE);
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const target = path.join(dir, entry.name);
    if (entry.isDirectory()) await tighten(target);
    // Symlinks are left alone: chmod would follow them out of the folder.
    else if (entry.isFile()) await chmod(target, PRIVATE_FILE_MODE);
  }
}
