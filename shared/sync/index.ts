/**
 * The sync protocol between a workstation (db/sync) and the central server (server/): the
 * envelopes of push, pull, enrolment and reference data, their schemas, limits and Vietnamese
 * messages, written once. The server reads every incoming body with these schemas; the
 * workstation reads every answer with them, so either side meets a faulty peer with a clear
 * refusal. Field names and shapes are the wire format: old workstations and servers rely on them.
 */
export * from './refusal';
export * from './push';
export * from './pull';
export * from './enrol';
export * from './reference';
export * from './health';
