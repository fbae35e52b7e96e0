export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export const consoleLogger: Logger = {
  info: (message, fields) => console.log(message, fields ?? {}),
  error: (message, fields) => console.error(message, fields ?? {}),
};
