/**
 * Atomic file replacement: write `<file>.<random>.tmp` in the same folder, fsync, rename over the
 * original (keeping its mode). A reader, a crash or Ctrl-C sees the old file or the new one, never half.
 */
import { randomBytes } from 'node:crypto';
import { open, rename, stat, unlink } from 'node:fs/promises';

export async function writeFileAtomic(file: string, text: string): Promise<void> {
  const mode = await stat(file).then(
    (info) => info.mode & 0o7777,
    (error: unknown) => {
      if (typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT') return 0o644;
      throw error;
    },
  );
  const temporary = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  const handle = await open(temporary, 'wx', mode);
  try {
    try {
      await handle.writeFile(text, 'utf8');
      await handle.chmod(mode);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, file);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}
