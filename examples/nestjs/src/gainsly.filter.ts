import { Catch, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { GainslyError } from '@gainsly/db';
import type { Response } from 'express';

/** The library's error codes as HTTP statuses (docs/service.md, section Errors). */
export function toHttp(error: GainslyError): { status: number; body: unknown } {
  switch (error.code) {
    case 'GAINSLY_VALIDATION': case 'GAINSLY_INVALID_ENUM_VALUE': case 'GAINSLY_DOMAIN_ARGUMENT': case 'GAINSLY_E1RM_RANGE':
      return { status: 422, body: error };
    case 'GAINSLY_NOT_FOUND': return { status: 404, body: { code: error.code } };
    case 'GAINSLY_UNIQUE_VIOLATION': case 'GAINSLY_FOREIGN_KEY_VIOLATION': return { status: 409, body: { code: error.code } };
    case 'GAINSLY_CHECK_VIOLATION': case 'GAINSLY_NOT_NULL_VIOLATION': return { status: 422, body: { code: error.code } };
    case 'GAINSLY_CONCURRENCY': return { status: 409, body: { code: error.code, retry: true } };
    case 'GAINSLY_TIMEOUT': case 'GAINSLY_CONNECTION': case 'GAINSLY_AUTHENTICATION':
    case 'GAINSLY_SERVER_UNREACHABLE': case 'GAINSLY_NO_SUCH_DATABASE': case 'GAINSLY_SCHEMA':
      return { status: 503, body: { code: error.code } };
    default: return { status: 500, body: { code: error.code } };
  }
}

/** Every GainslyError as the HTTP response the mapping names; other errors go to Nest's own filter. */
@Catch(GainslyError)
export class GainslyExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Gainsly');

  catch(error: GainslyError, host: ArgumentsHost): void {
    const { status, body } = toHttp(error);
    if (status >= 500) this.logger.error(error.message);
    host.switchToHttp().getResponse<Response>().status(status).json(body);
  }
}
