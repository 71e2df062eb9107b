package fr.zlv.campaign;

/**
 * Where a campaign's dwellings stand (issue 5, item 5). Each step counts the dwellings that reached at
 * least it: sent → answered online → first contact (status 2 or further) → in progress (3, or 4) →
 * exits from vacancy (4 / Sortie de la vacance). Returned mail is counted apart and not as a contact.
 *
 * @param sent         dwellings of the campaign once its sending date has come (0 before)
 * @param answered     dwellings whose owner answered on the answer page
 * @param returnedMail dwellings whose mail came back
 */
public record CampaignFunnel(int sent, int answered, int firstContact, int inProgress, int exits, int returnedMail,
                             int returnCount, double returnRate) {
}
