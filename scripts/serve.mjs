// Serves build/site/ at http://127.0.0.1:8000 (PORT and HOST change that), no caching, so a
// rebuilt site shows on reload.
//   node scripts/serve.mjs
import http from 'node:http';
import sirv from 'sirv';
import { fileURLToPath } from 'node:url';

const site = fileURLToPath(new URL('../build/site', import.meta.url));
const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 8000);

const files = sirv(site, { dev: true, etag: true });
const server = http.createServer((request, response) => files(request, response, () => {
  response.statusCode = 404;
  response.end('not found');
}));
server.on('error', (error) => {
  console.error(error.code === 'EADDRINUSE' ? `port ${port} is already in use: set PORT to another one` : error.message);
  process.exit(1);
});
server.listen(port, host, () => console.log(`Embedding Lab is running at http://${host}:${port}/ (Ctrl+C stops it)`));
