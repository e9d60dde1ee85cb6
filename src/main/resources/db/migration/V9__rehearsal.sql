-- A rehearsal runs like the real session (phones join and answer; every screen says "rehearsal") and is
-- then reset to a fresh draft with the same agenda, leaving no row of it behind.
ALTER TABLE workshop ADD COLUMN rehearsal BOOLEAN DEFAULT FALSE NOT NULL;
