package fr.zlv.campaign;

/**
 * One recipient dwelling of a campaign on its page: address, primary owner, follow-up status.
 *
 * @param returnedMail the mail came back (« N’habite pas à l’adresse indiquée ») for this campaign
 */
public record CampaignHousingView(long id, String localId, String address, String communeName, String ownerName,
                                  String ownerAddress, int status, String statusLabel, String subStatus,
                                  boolean returnedMail) {
}
