/** Errors of the sync client, each with a Vietnamese message the officer can act on. */

export type SyncErrorCode =
  /** This workstation is not enrolled with a central server. */
  | 'not_enrolled'
  /** The server refused the enrolment (bad, used or expired code; number taken …). */
  | 'enrolment'
  /** The local data disagree with the enrolment (another unit, a number in use). */
  | 'conflict'
  /**
   * Enrolling now would set aside events never sent (written under an older identity or another
   * unit, or the server cannot keep this machine's identity): the administrator must agree
   * (EnrolOptions.allowUnsentEvents). Nothing was spent or stored.
   */
  | 'unsent_events'
  /** Bad input (URL, code, device name). */
  | 'invalid_input'
  /** The server could not be reached, or answered with a server error: try again later. */
  | 'network'
  /** The device token is missing, unknown or revoked: enrol again. */
  | 'unauthorized'
  /** The server answered something this client does not understand. */
  | 'protocol'
  /** No such refused event. */
  | 'not_found';

export class SyncError extends Error {
  constructor(
    readonly code: SyncErrorCode,
    message: string,
    /** HTTP status when the server answered. */
    readonly status?: number,
    /** The server's own error code ({ code } of its JSON body). */
    readonly serverCode?: string,
  ) {
    super(message);
    this.name = 'SyncError';
  }

  /** Worth trying again later without anyone doing anything. */
  get retryable(): boolean {
    return this.code === 'network';
  }
}
