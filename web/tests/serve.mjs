// Starts `crosscheck serve` on a database (port chosen by the system) and
// resolves to its base URL once it listens; the caller kills the process.
import { spawn } from 'node:child_process';

export async function startServer(crosscheck, db, web) {
  const server = spawn(crosscheck, ['serve', '--db', db, '--port', '0', '--web', web], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const base = await new Promise((resolve, reject) => {
    let err = '';
    const timer = setTimeout(() => reject(new Error(`the server did not start: ${err}`)), 30000);
    server.stderr.on('data', (d) => {
      err += d;
      const m = err.match(/on (http:\/\/[^\s]+\/)/u);
      if (m) {
        clearTimeout(timer);
        resolve(m[1].replace(/\/$/u, ''));
      }
    });
    server.on('exit', (code) => reject(new Error(`the server exited (${code}): ${err}`)));
  });
  return { server, base };
}
