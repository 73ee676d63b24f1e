/** Where core reports what it does. The CLI prints it; the library is silent by default. */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
}

export const silentLogger: Logger = { info() {}, warn() {} };
