package fr.zlv.housing.followup;

import fr.zlv.housing.FollowUpChange;
import fr.zlv.housing.FollowUpRefusedException;
import fr.zlv.housing.HousingConflictException;
import fr.zlv.housing.HousingNotFoundException;
import fr.zlv.shared.TerritoryScope;
import fr.zlv.shared.security.CanWrite;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes the follow-up of dwellings (status, sub-status, precisions, occupancy, intended occupancy)
 * under the rules of {@link FollowUpRules}, writing one event per dwelling and changed field.
 * Shared data (DOMAIN.md §8): any establishment whose perimeter covers the dwelling may change it.
 */
@Service
public class FollowUpService {

    /** Beyond this, a selection is refused: the whole edit is one transaction holding row locks. */
    static final int MAX_BULK = 100_000;

    private final FollowUpRepository repository;
    private final EventLog events;
    private final NoteService notes;
    private final Actor actor;

    FollowUpService(FollowUpRepository repository, EventLog events, NoteService notes, Actor actor) {
        this.repository = repository;
        this.events = events;
        this.notes = notes;
        this.actor = actor;
    }

    /**
     * Changes one dwelling if nobody changed it since the caller read {@code version}: otherwise a
     * {@link HousingConflictException} and nothing written, so the other agent's work stays.
     */
    @CanWrite
    @Transactional
    public FollowUpView update(TerritoryScope scope, long housingId, int version, FollowUpChange change) {
        FollowUpState current = repository.lock(scope, housingId);
        if (current.version() != version) {
            throw new HousingConflictException(current.version());
        }
        FollowUpState next = FollowUpRules.apply(current, change);
        Long userId = actor.userId();
        write(List.of(current), List.of(next), userId);
        if (change.note() != null && !change.note().isBlank()) {
            notes.insert(housingId, change.note(), userId);
        }
        return repository.read(housingId).view();
    }

    /**
     * Changes every dwelling of the selection, all or nothing: an id outside the scope, or one dwelling
     * that breaks a rule, refuses the whole edit with a message saying which.
     */
    @CanWrite
    @Transactional
    public int bulkUpdate(TerritoryScope scope, List<Long> housingIds, FollowUpChange change) {
        List<Long> ids = List.copyOf(new LinkedHashSet<>(housingIds == null ? List.of() : housingIds));
        if (ids.isEmpty()) {
            throw new FollowUpRefusedException("La sélection est vide (champ « ids ») : choisissez au moins un logement.");
        }
        if (ids.size() > MAX_BULK) {
            throw new FollowUpRefusedException("La sélection compte " + ids.size() + " logements : au plus " + MAX_BULK
                    + " par modification groupée.");
        }
        if (change.isEmpty()) {
            throw new FollowUpRefusedException("Aucune modification demandée : indiquez un statut, une occupation, des précisions ou une note.");
        }
        List<FollowUpState> current = repository.lockAll(scope, ids);
        if (current.size() != ids.size()) {
            throw new HousingNotFoundException((ids.size() - current.size()) + " logement(s) de la sélection sont introuvables.");
        }
        if (change.status() != null && change.status() == 0) {
            List<String> left = current.stream().filter(s -> s.status() != 0).map(FollowUpState::localId).toList();
            if (!left.isEmpty()) {
                throw new FollowUpRefusedException("Un logement ne peut pas revenir au statut « Non suivi » une fois qu'il en est sorti "
                        + "(champ « status ») : " + left.size() + " logement(s) de la sélection en sont sortis, dont "
                        + left.stream().limit(3).collect(Collectors.joining(", ")) + ".");
            }
        }
        List<FollowUpState> next = new ArrayList<>(current.size());
        for (FollowUpState state : current) {
            next.add(FollowUpRules.apply(state, change));
        }
        Long userId = actor.userId();
        int changed = write(current, next, userId);
        if (change.note() != null && !change.note().isBlank()) {
            for (FollowUpState state : current) {
                notes.insert(state.id(), change.note(), userId);
            }
            return current.size();
        }
        return changed;
    }

    /** Events for every changed field, then the rows; returns how many dwellings changed. */
    private int write(List<FollowUpState> before, List<FollowUpState> after, Long userId) {
        List<EventLog.Entry> entries = new ArrayList<>();
        List<FollowUpState> changed = new ArrayList<>();
        for (int i = 0; i < before.size(); i++) {
            int count = entries.size();
            diff(before.get(i), after.get(i), entries);
            if (entries.size() > count) {
                changed.add(after.get(i));
            }
        }
        if (!entries.isEmpty()) {
            events.housings(entries, userId);
            repository.save(changed);
        }
        return changed.size();
    }

    private static void diff(FollowUpState a, FollowUpState b, List<EventLog.Entry> out) {
        long id = a.id();
        if (a.status() != b.status()) {
            out.add(new EventLog.Entry(id, "housing-status", a.status(), b.status(), "Statut : « "
                    + FollowUpCatalogue.statusLabel(a.status()) + " » → « " + FollowUpCatalogue.statusLabel(b.status()) + " »"));
        }
        if (!Objects.equals(a.subStatus(), b.subStatus())) {
            out.add(new EventLog.Entry(id, "housing-sub-status", subStatusCode(a.subStatus()), subStatusCode(b.subStatus()),
                    "Sous-statut : « " + orNone(a.subStatus()) + " » → « " + orNone(b.subStatus()) + " »"));
        }
        if (!a.precisions().equals(b.precisions())) {
            List<String> added = b.precisions().stream().filter(p -> !a.precisions().contains(p)).toList();
            List<String> removed = a.precisions().stream().filter(p -> !b.precisions().contains(p)).toList();
            List<String> parts = new ArrayList<>();
            if (!added.isEmpty()) {
                parts.add("ajout de " + labels(added));
            }
            if (!removed.isEmpty()) {
                parts.add("retrait de " + labels(removed));
            }
            if (parts.isEmpty()) {
                parts.add("nouvel ordre");
            }
            out.add(new EventLog.Entry(id, "housing-precisions", a.precisions(), b.precisions(),
                    "Précisions : " + String.join(" ; ", parts)));
        }
        if (!Objects.equals(a.occupancy(), b.occupancy())) {
            out.add(new EventLog.Entry(id, "housing-occupancy", a.occupancy(), b.occupancy(), "Occupation : « "
                    + FollowUpCatalogue.occupancyLabel(a.occupancy()) + " » → « " + FollowUpCatalogue.occupancyLabel(b.occupancy()) + " »"));
        }
        if (!Objects.equals(a.occupancyIntended(), b.occupancyIntended())) {
            out.add(new EventLog.Entry(id, "housing-occupancy-intended", a.occupancyIntended(), b.occupancyIntended(),
                    "Occupation prévisionnelle : « " + FollowUpCatalogue.occupancyLabel(a.occupancyIntended()) + " » → « "
                            + FollowUpCatalogue.occupancyLabel(b.occupancyIntended()) + " »"));
        }
    }

    private static String subStatusCode(String label) {
        return label == null ? null : FollowUpCatalogue.anySubStatus(label).map(FollowUpCatalogue.Choice::code).orElse(label);
    }

    private static String orNone(String value) {
        return value == null ? "—" : value;
    }

    private static String labels(List<String> codes) {
        return codes.stream().map(c -> "« " + FollowUpCatalogue.precisionLabel(c) + " »").collect(Collectors.joining(", "));
    }
}
