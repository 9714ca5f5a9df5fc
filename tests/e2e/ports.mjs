// A free TCP port on 127.0.0.1, for a server the tests start as a child process (PHP, Ghost)
// and must name its port before it listens.

import { createServer } from "node:net";

export async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}
