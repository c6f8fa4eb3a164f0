/**
 * A tiny indirection so use cases can nudge the mailer without importing the job runner: the
 * runner registers itself at start-up; in tests nothing is registered and mail stays in the
 * outbox, where the tests read it.
 */
type Waker = () => void;
const holder = globalThis as typeof globalThis & { __portalMailWaker?: Waker };

export function registerMailWaker(waker: Waker | undefined) {
  holder.__portalMailWaker = waker;
}

export function wakeMailer() {
  holder.__portalMailWaker?.();
}
