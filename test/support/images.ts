import { createHash } from 'node:crypto';
import sharp from 'sharp';

/** A small photo whose colour comes from `seed`: different seeds are different pictures, the same seed the same one. */
export async function photo(seed: string, options: { width?: number; height?: number; format?: 'png' | 'jpeg' } = {}): Promise<Buffer> {
  const [r, g, b] = createHash('sha256').update(seed).digest();
  const image = sharp({ create: { width: options.width ?? 60, height: options.height ?? 90, channels: 3, background: { r, g, b } } });
  return options.format === 'jpeg' ? image.jpeg().toBuffer() : image.png().toBuffer();
}
