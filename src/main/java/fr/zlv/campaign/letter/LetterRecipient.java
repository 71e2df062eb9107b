package fr.zlv.campaign.letter;

import java.util.List;
import java.util.Map;

/**
 * One letter: a dwelling of the campaign and its primary owner, the owner's postal address lines,
 * the values of the variables and the owner's access code (displayed form, XXXX-XXXX-XXXX).
 */
public record LetterRecipient(long housingId, long ownerId, String ownerName, List<String> ownerAddress,
                              Map<LetterVariable, String> values, String code) {

    String value(LetterVariable variable) {
        return variable == LetterVariable.OWNER_NAME ? ownerName : values.getOrDefault(variable, "");
    }
}
