import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);

// ../core/dist/util/format-command.js
function formatCommand(argv) {
  return `\`${argv.map((a) => a === "" || /[\s'"\\$`;&|<>(){}*?!#~]/.test(a) ? `'${a.replace(/'/g, `'\\''`)}'` : a).join(" ")}\``;
}

export {
  formatCommand
};
