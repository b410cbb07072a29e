// HTTP errors a controller throws: the router's error handler turns them into themed pages.

/** An error with the status it should be answered with. */
export class HttpError extends Error {
  readonly statusCode: number;
  readonly headers: Record<string, string>;
  constructor(statusCode: number, message: string, headers: Record<string, string> = {}) {
    super(message);
    this.name = 'HttpError';
    this.statusCode = statusCode;
    this.headers = headers;
  }
}

/** 404: the page does not exist (or is not published). */
export function notFound(message = 'There is nothing at this address.'): HttpError {
  return new HttpError(404, message);
}

/** 400: the request itself is malformed (a bad page number, an over-long query). */
export function badRequest(message: string): HttpError {
  return new HttpError(400, message);
}
