package fr.zlv.groups;

import fr.zlv.support.TestData;
import org.springframework.context.ApplicationContext;

/** Hand-made dwellings and owners inserted into the tables, and agents with an API token. */
final class GroupTestData extends TestData {

    GroupTestData(ApplicationContext context) {
        super(context, "groupes", "grp");
    }
}
