package fr.zlv.housing.followup;

import fr.zlv.housing.FollowUpRefusedException;
import fr.zlv.housing.HousingNotFoundException;
import fr.zlv.shared.TerritoryScope;
import fr.zlv.shared.security.CanWrite;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes of owners (contact data, *ne pas contacter*) and of their rank on a dwelling. An owner is
 * reachable only through a dwelling of the caller's scope; every change writes an event and the
 * personal-data audit log.
 */
@Service
public class OwnerService {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern PHONE = Pattern.compile("^[+0-9 .()-]{6,25}$");

    private final JdbcClient jdbc;
    private final FollowUpRepository housings;
    private final EventLog events;
    private final PersonalDataAudit audit;
    private final Actor actor;

    OwnerService(JdbcClient jdbc, FollowUpRepository housings, EventLog events, PersonalDataAudit audit, Actor actor) {
        this.jdbc = jdbc;
        this.housings = housings;
        this.events = events;
        this.audit = audit;
        this.actor = actor;
    }

    private record OwnerRow(String fullName, String email, String phone, String additionalAddress, boolean doNotContact) {
    }

    /** Throws the 404 of an owner none of whose dwellings is in the scope. */
    @fr.zlv.shared.security.AnyRole
    @Transactional(readOnly = true)
    public void requireInScope(TerritoryScope scope, long ownerId) {
        boolean found = jdbc.sql("select exists (select 1 from ownership w join housing h on h.id = w.housing_id "
                        + "where w.owner_id = ? and " + FollowUpRepository.IN_SCOPE + ")")
                .params(ownerId, scope.national(), scope.communeArray()).query(Boolean.class).single();
        if (!found) {
            throw new HousingNotFoundException("Propriétaire introuvable.");
        }
    }

    /**
     * Changes an owner's contact data. {@code housingId}, when given, is the dwelling the change was
     * made from (its history shows the change); the owner must be one of its owners.
     */
    @CanWrite
    @Transactional
    public int update(TerritoryScope scope, Long housingId, long ownerId, OwnerChange change) {
        String ownerInScope = """
                select o.full_name, o.email, o.phone, o.additional_address, o.do_not_contact from owner o
                 where o.id = ? and exists (select 1 from ownership w join housing h on h.id = w.housing_id
                                             where w.owner_id = o.id and (?::bigint is null or h.id = ?::bigint)
                                               and """ + FollowUpRepository.IN_SCOPE + ") for update";
        OwnerRow row = jdbc.sql(ownerInScope).params(ownerId, housingId, housingId, scope.national(), scope.communeArray())
                .query((rs, i) -> new OwnerRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5)))
                .optional().orElseThrow(() -> new HousingNotFoundException("Propriétaire introuvable."));
        String email = text(change.email(), row.email(), "email", EMAIL, "L'adresse électronique « %s » n'est pas valide (champ « email »).");
        String phone = text(change.phone(), row.phone(), "phone", PHONE,
                "Le numéro de téléphone « %s » n'est pas valide (champ « phone ») : chiffres, espaces, +, points ou tirets.");
        String additional = text(change.additionalAddress(), row.additionalAddress(), "additionalAddress", null, null);
        boolean doNotContact = change.doNotContact() == null ? row.doNotContact() : change.doNotContact();
        Long userId = actor.userId();
        int changes = 0;
        changes += field(housingId, ownerId, "owner-email", "Adresse électronique", row.fullName(), row.email(), email, userId);
        changes += field(housingId, ownerId, "owner-phone", "Téléphone", row.fullName(), row.phone(), phone, userId);
        changes += field(housingId, ownerId, "owner-additional-address", "Complément d'adresse", row.fullName(),
                row.additionalAddress(), additional, userId);
        if (doNotContact != row.doNotContact()) {
            events.owner(housingId, ownerId, "owner-do-not-contact", row.doNotContact(), doNotContact,
                    "Ne pas contacter (" + row.fullName() + ") : « " + yesNo(row.doNotContact()) + " » → « " + yesNo(doNotContact) + " »", userId);
            changes++;
        }
        if (changes > 0) {
            jdbc.sql("""
                    update owner set email = ?, phone = ?, additional_address = ?, do_not_contact = ?, updated_at = now()
                     where id = ?""").params(email, phone, additional, doNotContact, ownerId).update();
            audit.record(userId, scope, PersonalDataAudit.EDIT_OWNER, "owner", ownerId);
        }
        return changes;
    }

    /**
     * Sets the rank of an owner on a dwelling (1 primary, 2–6 secondary, 0 previous, −1 incorrect,
     * −2 awaiting, −3 deceased). An owner already at the wanted active rank takes the former rank of
     * the other, so that two owners never share a rank from 1 to 6.
     */
    @CanWrite
    @Transactional
    public void changeRank(TerritoryScope scope, long housingId, long ownerId, int rank) {
        housings.lock(scope, housingId);
        if (rank < -3 || rank > 6) {
            throw new FollowUpRefusedException("Le rang « " + rank + " » n'existe pas (champ « rank ») : de 1 à 6, ou 0 (ancien), "
                    + "-1 (incorrect), -2 (en attente), -3 (décédé).");
        }
        record Link(long ownerId, int rank, String name) {
        }
        List<Link> links = jdbc.sql("""
                select w.owner_id, w.rank, o.full_name from ownership w join owner o on o.id = w.owner_id
                 where w.housing_id = ? order by w.owner_id for update of w""")
                .param(housingId).query((rs, i) -> new Link(rs.getLong(1), rs.getInt(2), rs.getString(3))).list();
        Link target = links.stream().filter(l -> l.ownerId() == ownerId).findFirst()
                .orElseThrow(() -> new HousingNotFoundException("Propriétaire introuvable."));
        if (target.rank() == rank) {
            return;
        }
        List<Link> moves = new ArrayList<>();
        moves.add(new Link(ownerId, rank, target.name()));
        if (rank >= 1) {
            links.stream().filter(l -> l.ownerId() != ownerId && l.rank() == rank).findFirst()
                    .ifPresent(other -> moves.add(new Link(other.ownerId(), target.rank(), other.name())));
        }
        Long userId = actor.userId();
        for (Link move : moves) {
            int before = links.stream().filter(l -> l.ownerId() == move.ownerId()).findFirst().orElseThrow().rank();
            jdbc.sql("update ownership set rank = ? where housing_id = ? and owner_id = ?")
                    .params((short) move.rank(), housingId, move.ownerId()).update();
            events.owner(housingId, move.ownerId(), "ownership-rank", before, move.rank(), "Rang de " + move.name() + " : « "
                    + FollowUpCatalogue.rankLabel(before) + " » → « " + FollowUpCatalogue.rankLabel(move.rank()) + " »", userId);
        }
    }

    private int field(Long housingId, long ownerId, String kind, String label, String owner, String before, String after, Long userId) {
        if (Objects.equals(before, after)) {
            return 0;
        }
        events.owner(housingId, ownerId, kind, before, after, label + " de " + owner + " : « " + (before == null ? "—" : before)
                + " » → « " + (after == null ? "—" : after) + " »", userId);
        return 1;
    }

    private static String text(String given, String current, String field, Pattern format, String error) {
        if (given == null) {
            return current;
        }
        String value = given.strip();
        if (value.isEmpty()) {
            return null;
        }
        if (value.length() > 500) {
            throw new FollowUpRefusedException("Le champ « " + field + " » dépasse 500 caractères.");
        }
        if (format != null && !format.matcher(value).matches()) {
            throw new FollowUpRefusedException(error.formatted(value));
        }
        return value;
    }

    private static String yesNo(boolean value) {
        return value ? "Oui" : "Non";
    }
}
