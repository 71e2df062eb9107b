package fr.zlv.groups;

import fr.zlv.access.AccessManagement;
import fr.zlv.access.UserView;
import fr.zlv.shared.security.AnyRole;
import fr.zlv.shared.security.CanWrite;
import fr.zlv.targeting.HousingFilter;
import fr.zlv.targeting.HousingSearch;
import fr.zlv.targeting.HousingSelection;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * Groups of dwellings, private to the establishment the caller acts for (DOMAIN.md §8): another
 * establishment's group is answered as not found. Dwellings enter a group only from the caller's
 * scope. Every change writes a group event and recounts the group's stored counters.
 */
@Service
@Transactional
public class GroupManagement {

    static final int NAME_MAX = 120;

    private final GroupRepository groups;
    private final AccessManagement access;
    private final HousingSearch search;
    private final ObjectMapper json;

    GroupManagement(GroupRepository groups, AccessManagement access, HousingSearch search, ObjectMapper json) {
        this.groups = groups;
        this.access = access;
        this.search = search;
        this.json = json;
    }

    /** The groups of the caller's establishment, newest first; archived ones only when asked. */
    @AnyRole
    @Transactional(readOnly = true)
    public List<GroupView> list(boolean withArchived) {
        Long establishmentId = access.currentScope().establishmentId();
        return establishmentId == null ? List.of() : groups.list(establishmentId, withArchived);
    }

    @AnyRole
    @Transactional(readOnly = true)
    public GroupView get(long id) {
        return groups.find(establishment(), id).orElseThrow(GroupNotFoundException::new);
    }

    /** A page (from 1) of the group's dwellings that the caller's scope covers. */
    @AnyRole
    @Transactional(readOnly = true)
    public List<GroupHousingView> housings(long id, int page, int perPage) {
        get(id);
        return groups.housings(id, access.currentScope(), perPage, (long) (Math.max(page, 1) - 1) * perPage);
    }

    @AnyRole
    @Transactional(readOnly = true)
    public List<GroupEventView> events(long id) {
        get(id);
        return groups.events(id);
    }

    /** The group's dwellings that the caller's scope covers, by id (e.g. to make a campaign of them). */
    @AnyRole
    @Transactional(readOnly = true)
    public List<Long> housingIdsInScope(long id) {
        get(id);
        return search.selectedIds(access.currentScope(), HousingFilter.none(), HousingSelection.of(groups.housingIds(id)));
    }

    /**
     * A new group of the selected dwellings: explicit ids, or every dwelling matching {@code filter}
     * except some ids. Dwellings outside the caller's scope are ignored.
     */
    @CanWrite
    public GroupChange create(String name, String description, HousingFilter filter, HousingSelection selection) {
        long establishmentId = establishment();
        String cleanName = name(name);
        String cleanDescription = description(description);
        List<Long> ids = selected(filter, selection);
        Long userId = userId();
        long id = groups.insert(establishmentId, cleanName, cleanDescription, userId);
        groups.event(id, GroupEvents.CREATED, userId, null, json(Map.of("name", cleanName)));
        int added = ids.isEmpty() ? 0 : groups.addHousings(id, ids.toArray(Long[]::new));
        if (added > 0) {
            groups.event(id, GroupEvents.HOUSINGS_ADDED, userId, null, json(HousingSets.housingsPayload(ids, added)));
        }
        groups.refreshCounts(id);
        return new GroupChange(groups.find(establishmentId, id).orElseThrow(), added);
    }

    @CanWrite
    public GroupChange addHousings(long id, HousingFilter filter, HousingSelection selection) {
        long establishmentId = lock(id);
        List<Long> ids = selected(filter, selection);
        int added = ids.isEmpty() ? 0 : groups.addHousings(id, ids.toArray(Long[]::new));
        if (added > 0) {
            groups.event(id, GroupEvents.HOUSINGS_ADDED, userId(), null, json(HousingSets.housingsPayload(ids, added)));
            groups.refreshCounts(id);
        }
        return new GroupChange(groups.find(establishmentId, id).orElseThrow(), added);
    }

    /** Removes dwellings of the caller's scope from the group (others stay: the caller cannot see them). */
    @CanWrite
    public GroupChange removeHousings(long id, List<Long> housingIds) {
        long establishmentId = lock(id);
        List<Long> ids = search.selectedIds(access.currentScope(), HousingFilter.none(), HousingSelection.of(housingIds));
        int removed = ids.isEmpty() ? 0 : groups.removeHousings(id, ids.toArray(Long[]::new));
        if (removed > 0) {
            groups.event(id, GroupEvents.HOUSINGS_REMOVED, userId(), json(HousingSets.housingsPayload(ids, removed)), null);
            groups.refreshCounts(id);
        }
        return new GroupChange(groups.find(establishmentId, id).orElseThrow(), removed);
    }

    /** Renames the group and/or changes its description; a null argument keeps the current value. */
    @CanWrite
    public GroupView update(long id, String name, String description) {
        long establishmentId = lock(id);
        GroupView before = groups.find(establishmentId, id).orElseThrow();
        String newName = name == null ? before.name() : name(name);
        String newDescription = description == null ? before.description() : description(description);
        if (!newName.equals(before.name()) || !java.util.Objects.equals(newDescription, before.description())) {
            groups.update(id, newName, newDescription);
            groups.event(id, GroupEvents.UPDATED, userId(), json(HousingSets.textsPayload("name", before.name(), before.description())),
                    json(HousingSets.textsPayload("name", newName, newDescription)));
        }
        return groups.find(establishmentId, id).orElseThrow();
    }

    @CanWrite
    public GroupView archive(long id, boolean archived) {
        long establishmentId = lock(id);
        GroupView before = groups.find(establishmentId, id).orElseThrow();
        if (before.archived() != archived) {
            groups.archive(id, archived);
            groups.event(id, archived ? GroupEvents.ARCHIVED : GroupEvents.UNARCHIVED, userId(), null, null);
        }
        return groups.find(establishmentId, id).orElseThrow();
    }

    /** Deletes the group and its history (its dwellings are untouched). */
    @CanWrite
    public void delete(long id) {
        lock(id);
        groups.delete(id);
    }

    /** Recounts a group's stored counters, for callers that changed ownerships behind its back (imports). */
    @CanWrite
    public void refreshCounts(long id) {
        lock(id);
        groups.refreshCounts(id);
    }

    /** The selected dwellings of the caller's scope: explicit ids, or all matching the filter except some. */
    private List<Long> selected(HousingFilter filter, HousingSelection selection) {
        return search.selectedIds(access.currentScope(), filter == null ? HousingFilter.none() : filter, selection);
    }

    private long lock(long id) {
        long establishmentId = establishment();
        if (!groups.lock(establishmentId, id)) {
            throw new GroupNotFoundException();
        }
        return establishmentId;
    }

    private long establishment() {
        return HousingSets.establishment(access.currentScope(), GroupNotFoundException::new);
    }

    private Long userId() {
        return access.me().map(UserView::id).orElse(null);
    }

    private static String name(String name) {
        return HousingSets.required(name, NAME_MAX, "name", "Le nom du groupe", GroupInputException::new);
    }

    private static String description(String description) {
        return HousingSets.description(description, GroupInputException::new);
    }

    private String json(Object value) {
        return json.writeValueAsString(value);
    }
}
