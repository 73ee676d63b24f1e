import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  stopAndDisown,
  stopStack
} from "./chunk-DMNHADXS.js";
import "./chunk-MCLZOG4S.js";
import "./chunk-U45GWJ3U.js";
import "./chunk-44U7AH7R.js";
import "./chunk-BOTTUJWC.js";
import "./chunk-KTMX6ZKR.js";
import "./chunk-OWJNM7FF.js";
import "./chunk-OSJIUKPB.js";
import "./chunk-GJK5TSV3.js";
import "./chunk-HANBNIMK.js";
export {
  stopAndDisown,
  stopStack
};
