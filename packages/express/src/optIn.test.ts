import { afterEach, describe, expect, it } from 'vitest';
import {
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_HTTP_ROUTE,
  ATTR_NETWORK_PROTOCOL_VERSION,
  ATTR_SERVER_ADDRESS,
  ATTR_SERVER_PORT,
  ATTR_URL_SCHEME,
  METRIC_HTTP_SERVER_REQUEST_BODY_SIZE,
  METRIC_HTTP_SERVER_RESPONSE_BODY_SIZE,
} from '@nines/otel';
import {
  EXPRESS_VERSIONS,
  bySeries,
  listen,
  meterHarness,
  type Listening,
} from '../test/harness.js';
import { ninesExpress } from './ninesExpress.js';

const running: Listening[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((one) => one.close()));
});

describe.each(EXPRESS_VERSIONS)(
  'opt-in attributes on $name (REFERENCE.md §5.2, §5.3)',
  ({ express }) => {
    it('supplies body sizes from Content-Length and server.address/port from Host', async () => {
      const meter = meterHarness();
      const middleware = ninesExpress({
        meterProvider: meter.provider,
        bodySizes: true,
        serverAttributes: true,
      });
      const app = express();
      app.use(middleware);
      app.post('/echo', express.text(), (req, res) => {
        res.send(`got ${String(req.body)}`);
      });
      const server = await listen(app);
      running.push(server);
      const response = await fetch(`${server.url}/echo`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: 'twelve bytes',
      });
      expect(await response.text()).toBe('got twelve bytes');
      await new Promise((resolve) => setTimeout(resolve, 30));
      const attributes = {
        [ATTR_HTTP_REQUEST_METHOD]: 'POST',
        [ATTR_URL_SCHEME]: 'http',
        [ATTR_HTTP_ROUTE]: '/echo',
        [ATTR_HTTP_RESPONSE_STATUS_CODE]: 200,
        [ATTR_NETWORK_PROTOCOL_VERSION]: '1.1',
        [ATTR_SERVER_ADDRESS]: '127.0.0.1',
        [ATTR_SERVER_PORT]: server.port,
      };
      expect(bySeries(await meter.points())).toEqual([{ attributes, count: 1 }]);
      const requestSizes = await meter.points(METRIC_HTTP_SERVER_REQUEST_BODY_SIZE);
      const responseSizes = await meter.points(METRIC_HTTP_SERVER_RESPONSE_BODY_SIZE);
      expect(requestSizes.map(({ attributes: a, count, sum }) => ({ a, count, sum }))).toEqual([
        { a: attributes, count: 1, sum: 12 },
      ]);
      expect(responseSizes.map(({ count, sum }) => ({ count, sum }))).toEqual([
        { count: 1, sum: 'got twelve bytes'.length },
      ]);
    });
  },
);
