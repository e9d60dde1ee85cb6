package org.tallersocial.raci;

import java.util.List;
import java.util.Locale;
import org.tallersocial.web.Texts;

/** The checks' findings in words, for the printable page, the CSV and a settlement's record. */
final class RaciFindings {

    private RaciFindings() {
    }

    static List<String> describe(RaciMatrix m, Texts texts, Locale locale) {
        return RaciChecks.of(m).stream().map(f -> describe(f, m, texts, locale)).toList();
    }

    static String describe(RaciChecks.Finding f, RaciMatrix m, Texts texts, Locale locale) {
        String subject = f.aboutActivity()
                ? m.activities().stream().filter(a -> a.id() == f.activityId()).findFirst().map(Activity::name).orElse("?")
                : m.roles().stream().filter(r -> r.id() == f.roleId()).findFirst().map(Role::name).orElse("?");
        return texts.get(locale, key(f.code()), subject, f.count());
    }

    private static String key(String code) {
        return switch (code) {
            case RaciChecks.NO_ACCOUNTABLE -> "js.console.raci.check.no_accountable";
            case RaciChecks.SEVERAL_ACCOUNTABLE -> "js.console.raci.check.several_accountable";
            case RaciChecks.NO_RESPONSIBLE -> "js.console.raci.check.no_responsible";
            case RaciChecks.TOO_MANY_A -> "js.console.raci.check.too_many_a";
            case RaciChecks.IDLE_ROLE -> "js.console.raci.check.idle_role";
            default -> throw new IllegalArgumentException(code);
        };
    }
}
