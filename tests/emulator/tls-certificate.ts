// A self-signed certificate for the emulator's TLS side, made with node:crypto alone (no openssl): snowflake-sdk
// sends some requests to https://<host> whatever accessUrl says (sso_url_provider.js: /session/authenticator-request).
// X.509 (RFC 5280) in DER: just enough ASN.1 to write one certificate.
import { generateKeyPairSync, randomBytes, sign, X509Certificate } from "node:crypto";

export interface TlsIdentity {
  keyPem: string;
  certificatePem: string;
}

function der(tag: number, content: Buffer): Buffer {
  const length = content.length;
  let header: Buffer;
  if (length < 0x80) header = Buffer.from([tag, length]);
  else if (length < 0x100) header = Buffer.from([tag, 0x81, length]);
  else header = Buffer.from([tag, 0x82, length >> 8, length & 0xff]);
  return Buffer.concat([header, content]);
}

const sequence = (...items: Buffer[]) => der(0x30, Buffer.concat(items));
const set = (...items: Buffer[]) => der(0x31, Buffer.concat(items));
const explicit = (tagNumber: number, item: Buffer) => der(0xa0 + tagNumber, item);
const octetString = (content: Buffer) => der(0x04, content);
const utf8String = (text: string) => der(0x0c, Buffer.from(text, "utf8"));
const booleanTrue = () => der(0x01, Buffer.from([0xff]));
const integer = (value: Buffer) => der(0x02, value[0] & 0x80 ? Buffer.concat([Buffer.from([0]), value]) : value);
const bitString = (content: Buffer) => der(0x03, Buffer.concat([Buffer.from([0]), content]));

function oid(dotted: string): Buffer {
  const [first, second, ...rest] = dotted.split(".").map(Number);
  const bytes = [first * 40 + second];
  for (const arc of rest) {
    const chunk = [arc & 0x7f];
    for (let value = arc >> 7; value > 0; value >>= 7) chunk.unshift((value & 0x7f) | 0x80);
    bytes.push(...chunk);
  }
  return der(0x06, Buffer.from(bytes));
}

/** UTCTime, YYMMDDHHMMSSZ (valid for years up to 2049). */
function utcTime(date: Date): Buffer {
  const text = date.toISOString().replace(/[-:T]/g, "").slice(2, 14) + "Z";
  return der(0x17, Buffer.from(text, "ascii"));
}

const ECDSA_WITH_SHA256 = "1.2.840.10045.4.3.2";
const COMMON_NAME = "2.5.4.3";
const SUBJECT_ALT_NAME = "2.5.29.17";
const BASIC_CONSTRAINTS = "2.5.29.19";

/** A positive 128-bit serial with a non-zero first byte (DER integers must be minimal). */
function serialNumber(): Buffer {
  const serial = randomBytes(16);
  serial[0] = (serial[0] & 0x7f) | 0x01;
  return serial;
}

/** An EC P-256 certificate for localhost / 127.0.0.1 / ::1, valid from a day ago for a year. */
export function createSelfSignedCertificate(commonName = "Snowflake emulator"): TlsIdentity {
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const algorithm = sequence(oid(ECDSA_WITH_SHA256));
  const name = sequence(set(sequence(oid(COMMON_NAME), utf8String(commonName))));
  const now = Date.now();
  const day = 24 * 3600 * 1000;
  const alternativeNames = sequence(
    der(0x82, Buffer.from("localhost", "ascii")), // dNSName
    der(0x87, Buffer.from([127, 0, 0, 1])), // iPAddress
    der(0x87, Buffer.concat([Buffer.alloc(15), Buffer.from([1])])) // iPAddress ::1
  );
  const extensions = explicit(
    3,
    sequence(
      sequence(oid(SUBJECT_ALT_NAME), octetString(alternativeNames)),
      // Self-signed and trusted directly as its own CA by clients that pin it.
      sequence(oid(BASIC_CONSTRAINTS), booleanTrue(), octetString(sequence(booleanTrue())))
    )
  );
  const tbsCertificate = sequence(
    explicit(0, integer(Buffer.from([2]))), // v3
    integer(serialNumber()),
    algorithm,
    name,
    sequence(utcTime(new Date(now - day)), utcTime(new Date(now + 365 * day))),
    name,
    publicKey.export({ type: "spki", format: "der" }),
    extensions
  );
  const signature = sign("sha256", tbsCertificate, privateKey); // DER-encoded ECDSA signature
  const certificate = sequence(tbsCertificate, algorithm, bitString(signature));
  const certificatePem = `-----BEGIN CERTIFICATE-----\n${certificate
    .toString("base64")
    .replace(/(.{64})/g, "$1\n")
    .trimEnd()}\n-----END CERTIFICATE-----\n`;
  // Fails loudly here rather than in a client's TLS handshake if the encoding is ever wrong.
  new X509Certificate(certificatePem);
  return { keyPem: privateKey.export({ type: "pkcs8", format: "pem" }).toString(), certificatePem };
}
