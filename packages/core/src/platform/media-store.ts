/** Where a stored file ended up: `key` is what `delete` takes, `url` is what browsers load. */
export type StoredMedia = { key: string; url: string };

/**
 * The media store port: files go in by key and come out by URL. Cloudinary in production,
 * a directory on local disk otherwise (both adapters in media/). Both are idempotent on
 * delete.
 */
export interface MediaStore {
  put(key: string, bytes: Uint8Array, contentType: string): Promise<StoredMedia>;
  /** Deleting a key that is not there succeeds. */
  delete(key: string): Promise<void>;
  /** Set when files live in this directory and the HTTP host must serve them at /media. */
  readonly localDir?: string;
}
