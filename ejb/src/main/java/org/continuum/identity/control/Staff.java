package org.continuum.identity.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.continuum.identity.entity.BootstrapToken;
import org.continuum.identity.entity.RecoveryCode;
import org.continuum.identity.entity.Role;
import org.continuum.identity.entity.Team;
import org.continuum.identity.entity.UserAccount;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Staff accounts and teams, as a collection: the one home of their queries. */
@ApplicationScoped
public class Staff {

    /** The key of the caller's account among the current transaction's resources. */
    private static final Object CALLER = new Object();

    @PersistenceContext
    EntityManager em;

    // By its global name, like the other beans that keep something per transaction.
    @Resource(lookup = "java:jboss/TransactionSynchronizationRegistry")
    TransactionSynchronizationRegistry transactions;

    public Optional<UserAccount> byUsername(String username) {
        if (username == null) {
            return Optional.empty();
        }
        return em.createQuery("select u from UserAccount u left join fetch u.team where u.username = :u",
                        UserAccount.class)
                .setParameter("u", username)
                .getResultStream().findFirst();
    }

    /** The account with its row locked until the transaction ends: concurrent attempts on it queue and all count. */
    public Optional<UserAccount> lockByUsername(String username) {
        if (username == null) {
            return Optional.empty();
        }
        return em.createQuery("select u from UserAccount u where u.username = :u", UserAccount.class)
                .setParameter("u", username).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst();
    }

    /** The account read again from the database with its row locked: state changes made meanwhile are seen. */
    public UserAccount lockFresh(UserAccount user) {
        em.refresh(user, LockModeType.PESSIMISTIC_WRITE);
        return user;
    }

    /** Replaces the account's recovery codes by these (digests of new codes). */
    public void replaceRecoveryCodes(UserAccount user, List<String> digests) {
        em.createQuery("delete from RecoveryCode r where r.userId = :u").setParameter("u", user.getId())
                .executeUpdate();
        digests.forEach(d -> em.persist(new RecoveryCode(user.getId(), d)));
    }

    /** The account's unused recovery code with this digest, row-locked so it is spent once. */
    public Optional<RecoveryCode> unusedRecoveryCode(UserAccount user, String digest) {
        return em.createQuery("select r from RecoveryCode r where r.userId = :u and r.codeHash = :h"
                        + " and r.usedAt is null", RecoveryCode.class)
                .setParameter("u", user.getId()).setParameter("h", digest)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst();
    }

    public long unusedRecoveryCodes(UserAccount user) {
        return em.createQuery("select count(r) from RecoveryCode r where r.userId = :u and r.usedAt is null",
                Long.class).setParameter("u", user.getId()).getSingleResult();
    }

    /** Demo accounts that can still log in. */
    public List<UserAccount> activeDemoAccounts() {
        return em.createQuery("select u from UserAccount u where u.demoAccount = true and u.enabled = true",
                UserAccount.class).getResultList();
    }

    /**
     * The logged-in caller; an authenticated principal without an active account (disabled or deleted meanwhile) is
     * refused. The first call in a transaction reads the account, its team and its roles with one query; the next
     * ones in the same transaction (a boundary, its guard, its events all ask) get the same managed account back
     * without a query or a flush. Every transaction reads it again, so a disabled account is refused at its next
     * call.
     */
    public UserAccount caller(String principalName) {
        UserAccount account = principalName == null ? null : callerInThisTransaction(principalName);
        if (account == null || !account.isEnabled()) {
            throw new SecurityException("no active account for the current caller");
        }
        return account;
    }

    private UserAccount callerInThisTransaction(String username) {
        boolean inTransaction = transactions != null
                && transactions.getTransactionStatus() == Status.STATUS_ACTIVE;
        if (inTransaction && transactions.getResource(CALLER) instanceof UserAccount known
                && known.getUsername().equals(username) && em.contains(known)) {
            return known;
        }
        UserAccount read = em.createQuery("select u from UserAccount u left join fetch u.team"
                        + " left join fetch u.roles where u.username = :u", UserAccount.class)
                .setParameter("u", username).setFlushMode(FlushModeType.COMMIT)
                .getResultList().stream().findFirst().orElse(null);
        if (inTransaction && read != null) {
            transactions.putResource(CALLER, read);
        }
        return read;
    }

    /**
     * Whether the account with this username may still work: it exists and is enabled. One column is read, no
     * account is loaded (the live-session check asks at every request).
     */
    public boolean isActive(String username) {
        return username != null && !em.createQuery("select u.id from UserAccount u where u.username = :u"
                        + " and u.enabled = true", Long.class)
                .setParameter("u", username).setFlushMode(FlushModeType.COMMIT).setMaxResults(1)
                .getResultList().isEmpty();
    }

    /** The active members of a team who hold {@code role}, by display name. */
    public List<UserAccount> activeMembers(Team team, Role role) {
        return em.createQuery("select u from UserAccount u where u.team = :t and u.enabled = true"
                        + " order by u.displayName", UserAccount.class)
                .setParameter("t", team).getResultList().stream().filter(u -> u.hasRole(role)).toList();
    }

    public List<UserAccount> byUsernames(Collection<String> usernames) {
        if (usernames.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select u from UserAccount u where u.username in :names", UserAccount.class)
                .setParameter("names", usernames).getResultList();
    }

    /** Every account, by username (administration pages; no case content). */
    public List<UserAccount> all() {
        return em.createQuery("select u from UserAccount u left join fetch u.team order by u.username",
                UserAccount.class).getResultList();
    }

    public void add(UserAccount user) {
        em.persist(user);
    }

    /** Whether any enabled account holds the administrator role. */
    public boolean hasActiveAdministrator() {
        return em.createQuery("select count(u) from UserAccount u join u.roles r where r = :admin"
                + " and u.enabled = true", Long.class).setParameter("admin", Role.ADMIN).getSingleResult() > 0;
    }

    public void addBootstrapToken(BootstrapToken token) {
        em.persist(token);
    }

    /** The bootstrap token with this digest, row-locked so it is used once. */
    public Optional<BootstrapToken> lockBootstrapToken(String digest) {
        return em.createQuery("select b from BootstrapToken b where b.tokenHash = :h", BootstrapToken.class)
                .setParameter("h", digest).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst();
    }

    public List<Team> teams() {
        return em.createQuery("select t from Team t order by t.code", Team.class).getResultList();
    }

    public void addTeam(Team team) {
        em.persist(team);
    }

    public Optional<Team> teamByCode(String code) {
        return em.createQuery("select t from Team t where t.code = :c", Team.class)
                .setParameter("c", code).getResultStream().findFirst();
    }
}
