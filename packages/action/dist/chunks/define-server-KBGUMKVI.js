import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  defineServer
} from "./chunk-4Z52STLY.js";
import "./chunk-KTMX6ZKR.js";
import "./chunk-OSJIUKPB.js";
import "./chunk-HANBNIMK.js";
export {
  defineServer
};
