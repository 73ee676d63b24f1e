import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);

// ../core/src/util/format-command.ts
function formatCommand(argv) {
  return `\`${argv.map((a) => a === "" || /[\s'"\\$`;&|<>(){}*?!#~]/.test(a) ? `'${a.replace(/'/g, `'\\''`)}'` : a).join(" ")}\``;
}

export {
  formatCommand
};
