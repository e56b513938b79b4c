import type { LogLevel } from '@nestjs/common';

const ORDER: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];
const FROM_SETTING: Record<string, LogLevel | null> = {
  fatal: 'fatal',
  error: 'error',
  warn: 'warn',
  info: 'log',
  debug: 'debug',
  trace: 'verbose',
  silent: null,
};

/** Nest's log levels for LOG_LEVEL: the named level and every more severe one. */
export function nestLogLevels(level: string): LogLevel[] {
  const lowest = FROM_SETTING[level];
  return lowest ? ORDER.slice(0, ORDER.indexOf(lowest) + 1) : [];
}
