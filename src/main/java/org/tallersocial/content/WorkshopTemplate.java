package org.tallersocial.content;

import java.util.List;

/** A workshop template in one language, as loaded from `workshop-content/<id>/<language>.yaml`. */
public record WorkshopTemplate(
        String id,
        String language,
        String title,
        String description,
        List<StepSpec> steps) {

    public int plannedSeconds() {
        return steps.stream().mapToInt(StepSpec::durationSeconds).sum();
    }
}
