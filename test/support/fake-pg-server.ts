/**
 * A fake PostgreSQL server that asks for a cleartext password and refuses it (SQLSTATE 28P01), as a
 * server with password authentication does. The local test server trusts everyone, so this is how
 * the tests see a refused password without changing the server's pg_hba.conf.
 */
import { createServer, type AddressInfo, type Server } from 'node:net';

export interface RefusingServer {
  port: number;
  /** The passwords clients sent, in order (proof that the secret really travelled). */
  passwords: string[];
  close(): Promise<void>;
}

export async function refusingServer(): Promise<RefusingServer> {
  const passwords: string[] = [];
  const message = (type: string, body: Buffer) => {
    const head = Buffer.alloc(5);
    head.write(type, 0, 'latin1');
    head.writeInt32BE(body.length + 4, 1);
    return Buffer.concat([head, body]);
  };
  const server: Server = createServer((socket) => {
    let buffer = Buffer.alloc(0);
    let started = false;
    socket.on('error', () => undefined);
    socket.on('data', (chunk) => {
      buffer = Buffer.concat([buffer, chunk]);
      if (!started && buffer.length >= 4 && buffer.length >= buffer.readInt32BE(0)) {
        buffer = buffer.subarray(buffer.readInt32BE(0));
        started = true;
        const auth = Buffer.alloc(4);
        auth.writeInt32BE(3, 0); // AuthenticationCleartextPassword
        socket.write(message('R', auth));
      }
      if (started && buffer.length >= 5 && buffer[0] === 0x70 /* 'p' */ && buffer.length >= 1 + buffer.readInt32BE(1)) {
        passwords.push(buffer.subarray(5, 1 + buffer.readInt32BE(1) - 1).toString('utf8'));
        const fields = ['SFATAL', 'VFATAL', 'C28P01', 'Mpassword authentication failed for user "gainsly"'].map((f) => Buffer.from(`${f}\0`, 'utf8'));
        socket.end(message('E', Buffer.concat([...fields, Buffer.from([0])])));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    passwords,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

