// The demo's MQTT broker: Aedes in-process, listening on TCP (gateways, tools) and WebSocket
// (the browser) on the loopback interface. Also the broker of the integration tests and benches.
import { createServer as createHttpServer } from 'node:http';
import { createServer as createTcpServer } from 'node:net';
import { Aedes } from 'aedes';
import { createWebSocketStream, WebSocketServer } from 'ws';

/**
 * @typedef {object} EmbeddedBroker
 * @property {number} tcpPort
 * @property {number} wsPort
 * @property {string} tcpUrl `mqtt://127.0.0.1:<port>`
 * @property {string} wsUrl `ws://127.0.0.1:<port>`
 * @property {import('aedes').Aedes} aedes
 * @property {() => Promise<void>} close stops listening and drops every client (a broker crash)
 */

/**
 * Starts a broker. Port 0 picks free ports; pass the previous ports to restart "the same" broker.
 * @param {{ tcpPort?: number, wsPort?: number, host?: string }} [options]
 * @returns {Promise<EmbeddedBroker>}
 */
export async function startEmbeddedBroker({ tcpPort = 0, wsPort = 0, host = '127.0.0.1' } = {}) {
  const aedes = await Aedes.createBroker();
  /** Every socket, so close() can cut them like a crash would, not wait for clients to leave. */
  const sockets = new Set();
  const track = (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  };

  const tcp = createTcpServer((socket) => {
    track(socket);
    aedes.handle(socket);
  });
  const http = createHttpServer((_, res) => {
    res.writeHead(426, { 'content-type': 'text/plain' }).end('MQTT over WebSocket only\n');
  });
  http.on('connection', track);
  const wss = new WebSocketServer({ server: http });
  wss.on('connection', (websocket, request) => {
    aedes.handle(createWebSocketStream(websocket), request);
  });

  await listen(tcp, tcpPort, host);
  await listen(http, wsPort, host);
  const actualTcp = /** @type {import('node:net').AddressInfo} */ (tcp.address()).port;
  const actualWs = /** @type {import('node:net').AddressInfo} */ (http.address()).port;
  return {
    tcpPort: actualTcp,
    wsPort: actualWs,
    tcpUrl: `mqtt://${host}:${actualTcp}`,
    wsUrl: `ws://${host}:${actualWs}`,
    aedes,
    async close() {
      for (const socket of sockets) socket.destroy();
      wss.close();
      await Promise.all([closeServer(tcp), closeServer(http)]);
      await new Promise((resolve) => aedes.close(() => resolve(undefined)));
    },
  };
}

/** @param {import('node:net').Server} server */
function listen(server, port, host) {
  return new Promise((resolve, reject) => {
    const onError = (error) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(`port ${port} on ${host} is in use; pick another (--tcp-port / --ws-port)`)
          : error,
      );
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve(undefined);
    });
  });
}

/** @param {import('node:net').Server} server */
function closeServer(server) {
  return new Promise((resolve) => server.close(() => resolve(undefined)));
}
