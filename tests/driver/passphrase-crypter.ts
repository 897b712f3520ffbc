// The passphrase secrets manager of the Pulumi CLI (sdk/go/common/resource/config/crypt.go and
// pkg/secrets/passphrase): AES-256-GCM with a key derived by PBKDF2-SHA256 (1,000,000 rounds) from the passphrase
// and a per-stack salt. Ciphertexts read "v1:<base64 nonce>:<base64 ciphertext+tag>"; the salt state reads
// "v1:<base64 salt>:<ciphertext of 'pulumi'>" and doubles as a passphrase check. Using the same scheme means
// `secure:` values written by the real CLI (with the same passphrase) decrypt here, and vice versa.
import * as crypto from "crypto";

/** Used when neither PULUMI_CONFIG_PASSPHRASE nor DriverOptions.env provides one. */
export const DEFAULT_DRIVER_PASSPHRASE = "pulumi-snowflake-dynamic-driver";

const PBKDF2_ROUNDS = 1_000_000;
const KEY_BYTES = 32;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

export class PassphraseCrypter {
  private key?: Buffer;

  private constructor(private readonly passphrase: string, private readonly salt: Buffer, readonly saltState: string) {}

  /** A crypter for an existing salt state; the key is derived (≈0.2 s) only when a secret is first used. */
  static fromSaltState(passphrase: string, saltState: string): PassphraseCrypter {
    const [version, salt] = saltState.split(":");
    if (version !== "v1" || !salt) throw new Error(`unsupported encryption salt '${saltState}'`);
    return new PassphraseCrypter(passphrase, Buffer.from(salt, "base64"), saltState);
  }

  static withNewSalt(passphrase: string): PassphraseCrypter {
    const salt = crypto.randomBytes(8);
    const crypter = new PassphraseCrypter(passphrase, salt, "");
    const saltState = `v1:${salt.toString("base64")}:${crypter.encrypt("pulumi")}`;
    return Object.assign(crypter, { saltState });
  }

  encrypt(plaintext: string): string {
    const nonce = crypto.randomBytes(NONCE_BYTES);
    const cipher = crypto.createCipheriv("aes-256-gcm", this.derivedKey(), nonce);
    const sealed = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final(), cipher.getAuthTag()]);
    return `v1:${nonce.toString("base64")}:${sealed.toString("base64")}`;
  }

  decrypt(ciphertext: string): string {
    const [version, nonce, sealed] = ciphertext.split(":");
    if (version !== "v1" || !nonce || !sealed) throw new Error(`malformed ciphertext '${ciphertext}'`);
    const bytes = Buffer.from(sealed, "base64");
    const decipher = crypto.createDecipheriv("aes-256-gcm", this.derivedKey(), Buffer.from(nonce, "base64"));
    decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
    try {
      return Buffer.concat([decipher.update(bytes.subarray(0, bytes.length - TAG_BYTES)), decipher.final()]).toString("utf8");
    } catch {
      throw new Error("incorrect passphrase: cannot decrypt secrets (set PULUMI_CONFIG_PASSPHRASE)");
    }
  }

  private derivedKey(): Buffer {
    this.key ??= crypto.pbkdf2Sync(this.passphrase, this.salt, PBKDF2_ROUNDS, KEY_BYTES, "sha256");
    return this.key;
  }
}

/** One crypter per salt state, so each key is derived once per run. */
export class CrypterCache {
  private readonly crypters = new Map<string, PassphraseCrypter>();

  constructor(readonly passphrase: string) {}

  forSaltState(saltState: string): PassphraseCrypter {
    let crypter = this.crypters.get(saltState);
    if (!crypter) {
      crypter = PassphraseCrypter.fromSaltState(this.passphrase, saltState);
      this.crypters.set(saltState, crypter);
    }
    return crypter;
  }
}
