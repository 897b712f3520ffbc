// One port, two protocols: plain HTTP (the emulator's url) and TLS with a self-signed certificate, told apart by
// the first byte (0x16 = TLS handshake record). snowflake-sdk sends /session/authenticator-request to https://<host>
// even when accessUrl is http (sso_url_provider.js), so EXTERNALBROWSER needs the TLS side; clients pass
// host "127.0.0.1:<port>" and trust `tlsCertificatePem`.
import { createServer as createHttpServer, type RequestListener } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import { createServer as createNetServer, type AddressInfo, type Socket } from "node:net";
import type { TlsIdentity } from "./tls-certificate";

const TLS_HANDSHAKE = 0x16;

export interface Listener {
  port: number;
  close(): Promise<void>;
}

export async function listen(
  handler: RequestListener,
  host: string,
  port: number,
  tls: TlsIdentity
): Promise<Listener> {
  const http = createHttpServer(handler);
  const https = createHttpsServer({ key: tls.keyPem, cert: tls.certificatePem }, handler);
  const sockets = new Set<Socket>();
  const server = createNetServer((socket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
    socket.once("data", (first: Buffer) => {
      socket.pause();
      socket.unshift(first);
      if (first[0] === TLS_HANDSHAKE) {
        // tls.Server wraps the socket's handle and first replays what is buffered (_tls_wrap.js); resuming the
        // plain socket would steal the handle's later data from it.
        https.emit("connection", socket);
      } else {
        http.emit("connection", socket);
        socket.resume();
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    // Loopback only: the emulator accepts well-known test credentials.
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive sockets would otherwise hold close() open until clients hang up.
        for (const socket of sockets) socket.destroy();
      }),
  };
}
