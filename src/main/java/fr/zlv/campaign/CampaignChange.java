package fr.zlv.campaign;

/**
 * The campaign after a change, and how many dwellings the change concerned (added, removed, marked…).
 *
 * @param moved dwellings whose follow-up status the change moved (to or back from *En attente de retour*, returned mail)
 */
public record CampaignChange(CampaignView campaign, int changed, int moved) {
}
