package fr.zlv.campaign;

import fr.zlv.access.AccessManagement;
import fr.zlv.access.UserView;
import fr.zlv.shared.TerritoryScope;
import fr.zlv.shared.security.AnyRole;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Campaigns, private to the establishment the caller acts for (DOMAIN.md §8): another establishment's
 * campaign is answered as not found ({@link CampaignNotFoundException}, a 404).
 */
@Service
@Transactional
public class CampaignManagement {

    /** Sending dates are days in France. */
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final CampaignRepository campaigns;
    private final AccessManagement access;

    CampaignManagement(CampaignRepository campaigns, AccessManagement access) {
        this.campaigns = campaigns;
        this.access = access;
    }

    /** The campaigns of the caller's establishment, newest first; archived ones only when asked. */
    @AnyRole
    @Transactional(readOnly = true)
    public List<CampaignView> list(boolean withArchived) {
        Long establishmentId = access.currentScope().establishmentId();
        return establishmentId == null ? List.of() : campaigns.list(establishmentId, withArchived, today());
    }

    /** One campaign of the caller's establishment; otherwise {@link CampaignNotFoundException}. */
    @AnyRole
    @Transactional(readOnly = true)
    public CampaignView get(long id) {
        return campaigns.find(establishment(), id, today()).orElseThrow(CampaignNotFoundException::new);
    }

    static LocalDate today() {
        return LocalDate.now(PARIS);
    }

    /** Campaigns belong to an establishment: a caller acting for none (a national visitor) has none. */
    private long establishment() {
        TerritoryScope scope = access.currentScope();
        if (scope.establishmentId() == null) {
            throw new CampaignNotFoundException();
        }
        return scope.establishmentId();
    }

    private Long userId() {
        return access.me().map(UserView::id).orElse(null);
    }
}
