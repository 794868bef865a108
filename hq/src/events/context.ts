/** The event being applied, as HQ received it. */
export interface EventContext {
  eventId: string;
  deviceId: string;
  hallCode: string;
  counterCode: string;
  createdAt: string;
  receivedAt: Date;
}
