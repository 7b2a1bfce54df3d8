// The renderer's Content Security Policy, sent by both transports (the app:// protocol and browser
// mode): scripts and styles only from the app itself, no eval, no inline code, no network but our own.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
