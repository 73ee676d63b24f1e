import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  defineServer
} from "./chunk-FVSXOLBX.js";
import "./chunk-OTVOUBNS.js";
import "./chunk-OSJIUKPB.js";
import "./chunk-HANBNIMK.js";
export {
  defineServer
};
