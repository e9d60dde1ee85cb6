package org.tallersocial.web;

import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.Filter;
import io.pebbletemplates.pebble.extension.Function;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * `{{ t('key', arg) }}` looks a text up in the page's language, and
 * `{{ when | localdate }}` writes a date the way that language writes dates.
 */
final class TextsExtension extends AbstractExtension {

    private final Texts texts;
    private final ZoneId zone;

    TextsExtension(Texts texts, ZoneId zone) {
        this.texts = texts;
        this.zone = zone;
    }

    @Override
    public Map<String, Function> getFunctions() {
        return Map.of("t", new Function() {
            @Override
            public List<String> getArgumentNames() {
                return null;
            }

            @Override
            public Object execute(Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int line) {
                List<Object> rest = new ArrayList<>();
                for (int i = 1; args.containsKey(String.valueOf(i)); i++) {
                    rest.add(args.get(String.valueOf(i)));
                }
                return texts.get(context.getLocale(), String.valueOf(args.get("0")), rest.toArray());
            }
        });
    }

    @Override
    public Map<String, Filter> getFilters() {
        return Map.of("localdate", new Filter() {
            @Override
            public List<String> getArgumentNames() {
                return null;
            }

            @Override
            public Object apply(Object input, Map<String, Object> args, PebbleTemplate self,
                                EvaluationContext context, int line) {
                if (!(input instanceof OffsetDateTime time)) {
                    return input;
                }
                return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                        .withLocale(context.getLocale()).format(time.atZoneSameInstant(zone));
            }
        });
    }
}
