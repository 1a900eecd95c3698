/**
 * Keeps the head-office session token on disk encrypted with Electron `safeStorage`
 * (Keychain, DPAPI, libsecret). The renderer never sees the token.
 */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

export interface FileSystemLike {
  readFile(path: string): Promise<Buffer>;
  writeFile(path: string, data: Buffer, options: { mode: number }): Promise<void>;
  rm(path: string, options: { force: boolean }): Promise<void>;
}

export class TokenStore {
  constructor(
    private readonly path: string,
    private readonly safeStorage: SafeStorageLike,
    private readonly fs: FileSystemLike,
  ) {}

  /** Refuses to write the token in clear: without OS encryption the user signs in each time. */
  async save(token: string): Promise<boolean> {
    if (!this.safeStorage.isEncryptionAvailable()) return false;
    await this.fs.writeFile(this.path, this.safeStorage.encryptString(token), { mode: 0o600 });
    return true;
  }

  async load(): Promise<string | null> {
    if (!this.safeStorage.isEncryptionAvailable()) return null;
    try {
      const data = await this.fs.readFile(this.path);
      return this.safeStorage.decryptString(data);
    } catch {
      return null;
    }
  }

  async clear(): Promise<void> {
    await this.fs.rm(this.path, { force: true });
  }
}
