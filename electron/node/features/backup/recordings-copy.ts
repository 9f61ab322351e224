import fs from 'node:fs';
import path from 'node:path';
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from '../../data-folder/permissions';

/**
 * The recordings folder copied into the backup folder incrementally: a file already there with the
 * same size is left alone (recordings never change once written), so a nightly run copies only the
 * day's calls. Copied to a temporary name first: a crash never leaves half a recording under its name.
 * Returns how many files were copied.
 */
export async function copyRecordings(from: string, to: string): Promise<number> {
  if (!fs.existsSync(from)) return 0;
  let copied = 0;
  const walk = async (rel: string): Promise<void> => {
    for (const e of await fs.promises.readdir(path.join(from, rel), { withFileTypes: true })) {
      const r = path.join(rel, e.name);
      if (e.isDirectory()) {
        await fs.promises.mkdir(path.join(to, r), { recursive: true, mode: PRIVATE_DIR_MODE });
        await walk(r);
      } else if (e.isFile() && !e.name.endsWith('.part')) {
        const src = path.join(from, r);
        const dest = path.join(to, r);
        const size = (await fs.promises.stat(src)).size;
        const there = await fs.promises.stat(dest).catch(() => null);
        if (there && there.size === size) continue;
        await fs.promises.copyFile(src, `${dest}.part`);
        if (process.platform !== 'win32') await fs.promises.chmod(`${dest}.part`, PRIVATE_FILE_MODE);
        await fs.promises.rename(`${dest}.part`, dest);
        copied++;
      }
    }
  };
  await fs.promises.mkdir(to, { recursive: true, mode: PRIVATE_DIR_MODE });
  await walk('');
  return copied;
}
