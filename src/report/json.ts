import type { Reporter } from './types.js';

/** The JSON report: the ScanResult as is (schemas/report.schema.json documents it). */
export const reporter: Reporter = {
  format: 'json',
  extension: 'json',
  render: (result) => JSON.stringify(result, null, 2) + '\n',
};
