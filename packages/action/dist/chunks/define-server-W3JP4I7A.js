import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  defineServer
} from "./chunk-JOWELE5E.js";
import "./chunk-HANBNIMK.js";
export {
  defineServer
};
