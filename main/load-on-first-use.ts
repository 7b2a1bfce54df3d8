// Loads a package at run time instead of at start-up, for the heavy ones only one command or
// one request needs (jsdom, the NLP model). `require` exists in the app's CommonJS bundle; the ESM
// CLI, its workers and the tests make one.
import { createRequire } from 'node:module';

export function loadOnFirstUse<T>(name: string): T {
  const load = typeof require === 'function' ? require : createRequire(import.meta.url);
  return load(name) as T;
}
