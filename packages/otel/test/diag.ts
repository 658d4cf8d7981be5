import { diag, DiagLogLevel } from '@opentelemetry/api';

/**
 * Captures OpenTelemetry diagnostics from WARN up; call `diag.disable()` after the test.
 *
 * @returns the lines logged, as `"<level> <message>"`
 */
export function captureDiag(): string[] {
  const lines: string[] = [];
  const push =
    (level: string) =>
    (message: string): void => {
      lines.push(`${level} ${message}`);
    };
  diag.setLogger(
    {
      error: push('error'),
      warn: push('warn'),
      info: push('info'),
      debug: push('debug'),
      verbose: push('verbose'),
    },
    { logLevel: DiagLogLevel.WARN, suppressOverrideMessage: true },
  );
  return lines;
}
