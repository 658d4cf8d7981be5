/**
 * Runs the example service until interrupted, and prints where to scrape it and the rules to
 * load into Prometheus.
 */
import { defineObjective } from '@nines/core';
import { generateRules, renderRuleFile } from '@nines/rules';
import { startFleetService } from './service.js';

const service = await startFleetService();
const objective = defineObjective({
  id: 'pay-availability',
  service: 'fleet',
  targetPercent: 99.9,
  window: '30d',
  sli: {
    kind: 'http-availability',
    matchers: [{ attribute: 'http.route', op: '=', value: '/pay' }],
  },
});
console.log(`API on ${service.url}/pay, metrics on http://${service.metricsTarget}/metrics`);
console.log('Rules for Prometheus (rule_files):\n');
console.log(renderRuleFile(generateRules([objective], { metricNaming: 'exporter' })));
process.on('SIGINT', () => void service.stop().then(() => process.exit(0)));
