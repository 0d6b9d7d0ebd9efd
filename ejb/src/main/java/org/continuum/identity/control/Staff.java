package org.continuum.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.continuum.identity.entity.Team;
import org.continuum.identity.entity.UserAccount;

import java.util.Optional;

/** Looks up staff accounts and teams. */
@ApplicationScoped
public class Staff {

    @PersistenceContext
    EntityManager em;

    public Optional<UserAccount> byUsername(String username) {
        if (username == null) {
            return Optional.empty();
        }
        return em.createQuery("select u from UserAccount u left join fetch u.team where u.username = :u",
                        UserAccount.class)
                .setParameter("u", username)
                .getResultStream().findFirst();
    }

    /** The logged-in caller; an authenticated principal without an account (deleted meanwhile) is refused. */
    public UserAccount caller(String principalName) {
        return byUsername(principalName).filter(UserAccount::isEnabled)
                .orElseThrow(() -> new SecurityException("no active account for the current caller"));
    }

    public Optional<Team> teamByCode(String code) {
        return em.createQuery("select t from Team t where t.code = :c", Team.class)
                .setParameter("c", code).getResultStream().findFirst();
    }
}
