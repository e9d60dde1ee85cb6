package org.tallersocial.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the kit keeps of what people type, and how long it says it is. */
class TypedTextTest {

    @Test
    void what_nobody_sees_goes_and_what_draws_something_stays() {
        assertThat(TypedText.line("A\u202En\u200Ba\u2066\u2067\u2068\u2069\uFEFF\u0000")).isEqualTo("Ana");
        assertThat(TypedText.line("\u202E\u200B\u2066\u2069\uFEFF\u0000\u3164 ")).isEmpty();
        assertThat(TypedText.line(null)).isEmpty();
        String family = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67";
        assertThat(TypedText.line(family)).as("the family emoji keeps its joiners").isEqualTo(family);
        String scotland = "\uD83C\uDFF4\uDB40\uDC67\uDB40\uDC62\uDB40\uDC73\uDB40\uDC63\uDB40\uDC74\uDB40\uDC7F";
        assertThat(TypedText.line(scotland)).as("a flag spelled in tags").isEqualTo(scotland);
        assertThat(TypedText.line("a\u200Db")).isEqualTo("a\u200Db");
        assertThat(TypedText.line("\u200Da \uDB40\uDC67")).as("a joiner or a tag with nothing to join").isEqualTo("a");
        assertThat(TypedText.line("Jose\u0301")).as("an accent typed apart joins its letter").isEqualTo("José");
    }

    @Test
    void one_line_is_one_line_and_lines_keep_their_breaks() {
        assertThat(TypedText.line("  Ana\r\n  María\u2028Ruiz\t\u00A0 ")).isEqualTo("Ana María Ruiz");
        assertThat(TypedText.lines("First\r\nsecond\u2029third\n")).isEqualTo("First\nsecond\nthird");
    }

    @Test
    void length_counts_what_a_person_counts_one_emoji_one_character() {
        assertThat(TypedText.length("\uD83D\uDE00".repeat(40))).isEqualTo(40);
        assertThat(TypedText.tooLong("\uD83D\uDE00".repeat(40), 40)).isFalse();
        assertThat(TypedText.tooLong("\uD83D\uDE00".repeat(41), 40)).isTrue();
        assertThat(TypedText.length("\uD83C\uDDEA\uD83C\uDDF8x\u0301")).as("a flag and an accent typed apart").isEqualTo(4);
    }
}
