package org.tallersocial.templates;

import java.time.OffsetDateTime;
import org.tallersocial.content.WorkshopTemplate;

/**
 * A template a facilitator saved or uploaded, offered to the whole team beside the shipped ones.
 *
 * @param createdById null when its author's account was deleted; then nobody may delete it but the team keeps it
 */
public record OwnTemplate(long id, WorkshopTemplate template, Long createdById, String createdBy,
                          OffsetDateTime createdAt) {

    /** How the create form and the download name it: never a shipped template's id/language. */
    public String key() {
        return Templates.OWN + id;
    }
}
