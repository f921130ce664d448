/**
 * Why a platform request failed. Codes that a plugin can see through the bridge use the bridge's
 * names (`PERMISSION_DENIED`, `INVALID_PARAMS`, `RATE_LIMITED`, `NOT_FOUND`); the rest are
 * host-side only.
 */
export type PlatformErrorCode =
  | 'UNAUTHENTICATED'
  | 'PERMISSION_DENIED'
  | 'NOT_FOUND'
  | 'INVALID_PARAMS'
  | 'RATE_LIMITED'
  | 'QUOTA_EXCEEDED'
  | 'NETWORK'
  | 'SERVER'
  | 'INVALID_RESPONSE';

/** A failed platform request, with a code to branch on and the HTTP status when there was one. */
export class PlatformError extends Error {
  override name = 'PlatformError';
  constructor(
    readonly code: PlatformErrorCode,
    message: string,
    /** HTTP status, when the server answered. */
    readonly status?: number,
  ) {
    super(message);
  }
}

/** The error code for an HTTP status. */
export function codeForStatus(status: number): PlatformErrorCode {
  return (
    (
      {
        400: 'INVALID_PARAMS',
        401: 'UNAUTHENTICATED',
        403: 'PERMISSION_DENIED',
        404: 'NOT_FOUND',
        413: 'QUOTA_EXCEEDED',
        422: 'INVALID_PARAMS',
        429: 'RATE_LIMITED',
      } as Record<number, PlatformErrorCode>
    )[status] ?? 'SERVER'
  );
}
