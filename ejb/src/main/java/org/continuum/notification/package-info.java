/**
 * Staff notifications by e-mail through a transactional outbox. A notification is written in the transaction of the
 * change that causes it (so it exists exactly when the change committed) and sent by a worker that retries with
 * backoff under a stable Message-ID. Mails carry a case reference and a link, never a name, place or story.
 */
package org.continuum.notification;
