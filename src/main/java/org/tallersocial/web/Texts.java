package org.tallersocial.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every word the interface shows, in each language, from
 * `i18n/texts_<lang>.properties` (UTF-8). Placeholders are {0}, {1}...;
 * deliberately not MessageFormat, whose quoting rules break on every
 * apostrophe a translator types.
 */
public final class Texts {

    public static final List<String> LANGUAGES = List.of("en", "es");
    public static final String DEFAULT = "en";
    /** Keys under this prefix are also handed to the pages' scripts. */
    public static final String SCRIPT_PREFIX = "js.";
    private static final Logger LOG = LoggerFactory.getLogger(Texts.class);

    private final Map<String, Map<String, String>> byLanguage = new HashMap<>();

    public Texts() {
        for (String lang : LANGUAGES) {
            byLanguage.put(lang, load("/i18n/texts_" + lang + ".properties"));
        }
    }

    public static boolean supports(String lang) {
        return lang != null && LANGUAGES.contains(lang);
    }

    public static Locale locale(String lang) {
        return Locale.forLanguageTag(supports(lang) ? lang : DEFAULT);
    }

    public String get(Locale locale, String key, Object... args) {
        String lang = supports(locale.getLanguage()) ? locale.getLanguage() : DEFAULT;
        String text = byLanguage.get(lang).get(key);
        if (text == null) {
            LOG.warn("no text for key '{}' in '{}'", key, lang);
            return key;
        }
        for (int i = 0; i < args.length; i++) {
            text = text.replace("{" + i + "}", format(locale, args[i]));
        }
        return text;
    }

    /** The texts a page's script needs, without their prefix. */
    public Map<String, String> forScripts(Locale locale) {
        String lang = supports(locale.getLanguage()) ? locale.getLanguage() : DEFAULT;
        Map<String, String> out = new TreeMap<>();
        byLanguage.get(lang).forEach((k, v) -> {
            if (k.startsWith(SCRIPT_PREFIX)) {
                out.put(k.substring(SCRIPT_PREFIX.length()), v);
            }
        });
        return out;
    }

    public boolean has(Locale locale, String key) {
        String lang = supports(locale.getLanguage()) ? locale.getLanguage() : DEFAULT;
        return byLanguage.get(lang).containsKey(key);
    }

    public Set<String> keys(String lang) {
        return Collections.unmodifiableSet(byLanguage.get(lang).keySet());
    }

    private static String format(Locale locale, Object arg) {
        if (arg instanceof Number n) {
            return NumberFormat.getNumberInstance(locale).format(n);
        }
        return String.valueOf(arg);
    }

    private static Map<String, String> load(String resource) {
        try (InputStream in = Texts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing text bundle " + resource);
            }
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> out = new HashMap<>();
            p.forEach((k, v) -> out.put((String) k, (String) v));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
