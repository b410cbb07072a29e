// The framework-free core: one pprof request in, one response description out (status, headers, body).
import type { SourceMapper } from '@datadog/pprof';
import { pprofError } from '../errors.js';
import type { HeapSamplerLease } from '../profiles/heap-sampler.js';
import { createEndpoints } from './endpoints.js';
import { profileDescriptions } from './index-page.js';
import type { ResolvedPprofOptions } from './options.js';
import {
  errorResponse,
  type PprofRequest,
  type PprofResponse,
  redirectResponse,
} from './pprof-response.js';
import { parseParams } from './query-params.js';
import { bearerMatches, isLoopback } from './security.js';

export type PprofHandler = (request: PprofRequest) => Promise<PprofResponse>;

/**
 * The request handler of one plugin or server: access first (the token, else loopback only), then
 * the prefix redirect, the parameters and the endpoint; every failure is a Go-style error answer.
 */
export function createPprofHandler(
  options: ResolvedPprofOptions,
  heapSampler: HeapSamplerLease,
  sourceMapper: SourceMapper | undefined,
): PprofHandler {
  const endpoints = createEndpoints({ options, heapSampler, sourceMapper });
  return async (request) => {
    try {
      if (options.token !== undefined) {
        if (!bearerMatches(request.authorization, options.token)) {
          throw pprofError('PUGO_ERR_PPROF_UNAUTHORIZED');
        }
      } else if (!isLoopback(request.remoteAddress)) {
        throw pprofError('PUGO_ERR_PPROF_FORBIDDEN', {
          address: request.remoteAddress ?? 'unknown',
        });
      }
      if (request.path === '') {
        const search = request.query.toString();
        return redirectResponse(`${request.pathname}/${search ? `?${search}` : ''}`);
      }
      const name = request.path.replace(/^\//, '');
      const params = parseParams(request.query);
      if (name === '') return endpoints.index(request.pathname);
      const endpoint = Object.hasOwn(endpoints.byName, name) ? endpoints.byName[name] : undefined;
      if (endpoint === undefined) {
        throw pprofError('PUGO_ERR_PPROF_UNKNOWN_PROFILE', {
          name,
          known: Object.keys(profileDescriptions).join(', '),
        });
      }
      return await endpoint(params, request);
    } catch (error) {
      return errorResponse(error, request.path);
    }
  };
}
