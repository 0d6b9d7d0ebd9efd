package org.continuum.notification.entity;

/** PENDING: waiting for its (next) attempt; SENDING: claimed by the worker; SENT: the mail server accepted it. */
public enum NotificationStatus {
    PENDING,
    SENDING,
    SENT
}
