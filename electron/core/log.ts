import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Clock } from './clock';
import { maskFullNumbers } from '../../shared/privacy/redact';
import { shanghaiDate } from '../../shared/time/shanghai';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  log(level: LogLevel, event: string, fields?: Record<string, unknown>): void;
  info(event: string, fields?: Record<string, unknown>): void;
  warn(event: string, fields?: Record<string, unknown>): void;
  error(event: string, fields?: Record<string, unknown>): void;
}

// Mainland mobile numbers and ID numbers must never reach a log file in full.
const redact = maskFullNumbers;

/** JSON lines, one file per Shanghai day, in `<dataDir>/logs`. Every line passes through `redact`. */
export function createFileLogger(dir: string, clock: Clock, alsoConsole = false): Logger {
  mkdirSync(dir, { recursive: true });
  const write = (level: LogLevel, event: string, fields: Record<string, unknown> = {}) => {
    const at = clock.now();
    const line = redact(JSON.stringify({ at: at.toISOString(), level, event, ...fields }));
    appendFileSync(join(dir, `halldesk-${shanghaiDate(at)}.log`), `${line}\n`);
    if (alsoConsole && level !== 'debug') console.log(line);
  };
  return loggerFrom(write);
}

export function memoryLogger(lines: string[] = []): Logger & { lines: string[] } {
  return Object.assign(
    loggerFrom((level, event, fields = {}) => {
      lines.push(redact(JSON.stringify({ level, event, ...fields })));
    }),
    { lines },
  );
}

function loggerFrom(write: (level: LogLevel, event: string, fields?: Record<string, unknown>) => void): Logger {
  return {
    log: write,
    info: (e, f) => write('info', e, f),
    warn: (e, f) => write('warn', e, f),
    error: (e, f) => write('error', e, f),
  };
}
