// What a retention finding does: fails the request when strict, else goes to onRetention or a warning.
import { routerError } from '../errors.js';
import type { RetentionFinding } from './retention-guard.js';

/** The part of fastify's logger a report needs. */
export interface WarnLogger {
  warn(object: object, message: string): void;
}

/**
 * Reports a finding of one route. With `strict`, a finding on an instance whose handler succeeded
 * throws PUGO_ERR_ROUTER_RETAINED (after a failed handler its error wins and the finding is only
 * reported). Otherwise `onRetention` gets every finding, or fastify's logger one warning per field.
 */
export type RetentionReport = (finding: RetentionFinding, log: WarnLogger, failed: boolean) => void;

/** A report for one route: the once-per-field memory of warnings is the route's own. */
export function createRetentionReport(options: {
  readonly strict: boolean;
  readonly onRetention: ((finding: RetentionFinding) => void) | undefined;
}): RetentionReport {
  const warned = new Set<string>();
  return (finding, log, failed) => {
    if (options.strict && !failed) throw routerError('PUGO_ERR_ROUTER_RETAINED', finding);
    if (options.onRetention !== undefined) options.onRetention(finding);
    else if (!warned.has(finding.field)) {
      warned.add(finding.field);
      log.warn({ retention: finding }, routerError('PUGO_ERR_ROUTER_RETAINED', finding).message);
    }
  };
}
