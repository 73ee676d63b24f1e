import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  defineGroup
} from "./chunk-P6QNAYR2.js";
import "./chunk-CHQ6LYZ2.js";
import "./chunk-CVPLYTV6.js";
import "./chunk-YYN4WDBH.js";
import "./chunk-HANBNIMK.js";
export {
  defineGroup
};
