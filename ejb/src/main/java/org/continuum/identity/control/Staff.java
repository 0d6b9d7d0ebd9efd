package org.continuum.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.continuum.identity.entity.Role;
import org.continuum.identity.entity.Team;
import org.continuum.identity.entity.UserAccount;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Staff accounts and teams, as a collection: the one home of their queries. */
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

    public Optional<Team> teamByCode(String code) {
        return em.createQuery("select t from Team t where t.code = :c", Team.class)
                .setParameter("c", code).getResultStream().findFirst();
    }
}
