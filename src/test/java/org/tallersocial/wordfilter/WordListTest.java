package org.tallersocial.wordfilter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class WordListTest {

    private static final WordList SHIPPED = WordList.shipped();

    @Test
    void theShippedListsAreTheLdnoobwListsInEnglishAndSpanish() {
        assertThat(SHIPPED.contains("asshole")).isTrue();
        assertThat(SHIPPED.contains("gilipollas")).isTrue();
        assertThat(SHIPPED.contains("hijo de puta")).isTrue();
    }

    @Test
    void caseAndAccentsAreFoldedAsWordCloudsFoldThem() {
        assertThat(SHIPPED.match("Qué CABRÓN")).isEqualTo("cabron");
        assertThat(SHIPPED.match("cabron")).isEqualTo("cabron");
        assertThat(SHIPPED.match("¡Coño!")).isEqualTo("cono");
        assertThat(SHIPPED.match("What an ASSHOLE.")).isEqualTo("asshole");
    }

    @Test
    void onlyWholeWordsMatchNeverPartsOfWords() {
        assertThat(SHIPPED.match("Scunthorpe United")).isNull();
        assertThat(SHIPPED.match("el análisis de datos")).isNull();
        assertThat(SHIPPED.match("analysis")).isNull();
        assertThat(SHIPPED.match("class assignment")).isNull();
        assertThat(SHIPPED.match("Panadería Ruiz, confianza, tiempo")).isNull();
        assertThat(SHIPPED.match("")).isNull();
    }

    @Test
    void phrasesMatchWholeWithAnySeparatorBetweenTheirWords() {
        assertThat(SHIPPED.match("eres un hijo de puta")).isEqualTo("hijo de puta");
        assertThat(SHIPPED.match("hijo-de-puta")).isEqualTo("hijo de puta");
        assertThat(SHIPPED.match("hijo_de  PUTA!!")).isEqualTo("hijo de puta");
        assertThat(SHIPPED.match("un hijo de su madre")).isNull();
        assertThat(SHIPPED.match("ball game")).isNull();
    }

    @Test
    void aPluralIsReadAsItsSingular() {
        assertThat(SHIPPED.match("a bunch of assholes")).isEqualTo("asshole");
        assertThat(SHIPPED.match("¡Cabrones!")).isEqualTo("cabron");
        assertThat(SHIPPED.match("hijos de putas")).isEqualTo("puta");
        assertThat(SHIPPED.match("classes and glasses")).isNull();
    }

    @Test
    void lettersSpelledOutOneByOneAreReadAsOneWord() {
        assertThat(SHIPPED.match("p.u.t.a")).isEqualTo("puta");
        assertThat(SHIPPED.match("s h i t happens")).isEqualTo("shit");
        assertThat(SHIPPED.match("a b c")).isNull();
    }

    @Test
    void aWorkshopAddsItsOwnWordsAndTakesShippedOnesOff() {
        WordList adapted = SHIPPED.adapted(List.of("Pelota", "mala gente"), List.of("Culo"));
        assertThat(adapted.match("una PELOTA")).isEqualTo("pelota");
        assertThat(adapted.match("qué mala   gente")).isEqualTo("mala gente");
        assertThat(adapted.match("culo")).isNull();
        assertThat(SHIPPED.match("culo")).isEqualTo("culo");
        assertThat(adapted.match("gilipollas")).isEqualTo("gilipollas");
    }

    @Test
    void foldingIsWhatTheListKeeps() {
        assertThat(WordList.fold("  Hijo-de-PUTA ")).isEqualTo("hijo de puta");
        assertThat(WordList.fold("Éxito")).isEqualTo("exito");
        assertThat(WordList.fold("...")).isEmpty();
    }
}
