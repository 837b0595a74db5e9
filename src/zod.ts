/**
 * The parts of zod the library uses, as one namespace: importing them by name lets a bundler leave out what the
 * library does not use (zod's 64 locales, a third of a browser bundle, among them).
 *
 * @module
 */
export * as z from "./zod-api.js";
