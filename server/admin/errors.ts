/** A refusal of an admin command, worded for the administrator (Vietnamese). */
export class AdminError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AdminError';
  }
}
