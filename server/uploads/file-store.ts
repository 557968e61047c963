import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Where upload bytes live. Keys are content hashes, so a put of the same bytes twice writes one file. */
export interface FileStore {
  put(key: string, data: Buffer): Promise<void>;
  get(key: string): Promise<Buffer | null>;
}

/**
 * Files in one directory (UPLOAD_DIR, beside the embedded database by default). Written to a temporary name and
 * renamed, so a reader never sees half a file. Several processes need the directory on a shared volume.
 */
export class DiskFileStore implements FileStore {
  constructor(private readonly dir: string) {}

  async put(key: string, data: Buffer): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const temporary = join(this.dir, `.${key}.${process.pid}.${Date.now()}`);
    await writeFile(temporary, data);
    await rename(temporary, join(this.dir, key));
  }

  async get(key: string): Promise<Buffer | null> {
    try {
      return await readFile(join(this.dir, key));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }
}
