package org.tallersocial.live;

/** The three live screens over one workshop; each sees only what its role may. */
public enum Viewer {
    PHONE, PROJECTOR, CONSOLE
}
