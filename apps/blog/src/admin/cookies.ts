// The admin's two cookies — names, flags, paths, lifetimes — set and cleared through @fastify/cookie.
import type { CookieSerializeOptions } from '@fastify/cookie';
import type { FastifyReply } from 'fastify';

/** The session cookie: the random session token (only its SHA-256 is stored). Unsigned. */
export const SESSION_COOKIE = 'pugo_session';

/** Double-submit cookie protecting the login form itself (there is no session yet). Unsigned. */
export const LOGIN_COOKIE = 'pugo_login';

/** How long the login form's token lasts, in seconds. */
const LOGIN_FORM_SECONDS = 3600;

/**
 * HttpOnly, SameSite=Lax, and Secure when the request came over https (`request.protocol`, which
 * honours X-Forwarded-Proto behind a trusted proxy: @fastify/cookie's 'auto').
 */
function flags(path: string): CookieSerializeOptions {
  return { path, httpOnly: true, sameSite: 'lax', secure: 'auto' };
}

/** Sets the session cookie on `/admin` for `seconds`. */
export function setSessionCookie(reply: FastifyReply, token: string, seconds: number): void {
  reply.setCookie(SESSION_COOKIE, token, { ...flags('/admin'), maxAge: Math.floor(seconds) });
}

/** Deletes the session cookie (logout). */
export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, flags('/admin'));
}

/** Sets the login form's token, on `/admin/login` only, for an hour. */
export function setLoginCookie(reply: FastifyReply, token: string): void {
  reply.setCookie(LOGIN_COOKIE, token, { ...flags('/admin/login'), maxAge: LOGIN_FORM_SECONDS });
}

/** Deletes the login form's token once it has been used. */
export function clearLoginCookie(reply: FastifyReply): void {
  reply.clearCookie(LOGIN_COOKIE, flags('/admin/login'));
}
