import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AwsClient } from 'aws4fetch';
import type { S3Config } from '../config.js';

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

/**
 * Files in an S3-compatible bucket (AWS S3, MinIO, Cloudflare R2...), addressed by path (endpoint/bucket/key), each
 * request signed with AWS Signature V4. What several server processes share without a shared disk. The bytes
 * are served through GET /uploads/:id, never from the bucket directly, so the bucket stays private.
 */
export class S3FileStore implements FileStore {
  private readonly client: AwsClient;

  constructor(private readonly config: S3Config) {
    this.client = new AwsClient({ accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey, region: config.region, service: 's3' });
  }

  private address(key: string): string {
    return `${this.config.endpoint}/${this.config.bucket}/uploads/${key}`;
  }

  async put(key: string, data: Buffer): Promise<void> {
    const response = await this.client.fetch(this.address(key), { method: 'PUT', body: new Uint8Array(data), headers: { 'content-type': 'application/octet-stream' } });
    if (!response.ok) throw new Error(`S3 PUT ${key}: HTTP ${response.status} ${(await response.text()).slice(0, 200)}`);
  }

  async get(key: string): Promise<Buffer | null> {
    const response = await this.client.fetch(this.address(key));
    if (response.status === 404) return null;
    if (!response.ok) throw new Error(`S3 GET ${key}: HTTP ${response.status} ${(await response.text()).slice(0, 200)}`);
    return Buffer.from(await response.arrayBuffer());
  }
}

/** The store the configuration names: the bucket when S3_BUCKET is set, otherwise UPLOAD_DIR. */
export function fileStoreFor(config: { s3: S3Config | null; uploadDir: string }): FileStore {
  return config.s3 ? new S3FileStore(config.s3) : new DiskFileStore(config.uploadDir);
}
