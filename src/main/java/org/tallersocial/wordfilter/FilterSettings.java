package org.tallersocial.wordfilter;

import java.util.List;

/**
 * A workshop's filter: on or off, the words its facilitator added, the shipped ones they took off, and
 * the list that makes of the shipped one, ready to match.
 */
public record FilterSettings(boolean on, List<String> added, List<String> removed, WordList list) {
}
