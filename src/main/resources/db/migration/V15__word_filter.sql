-- The word filter: what people type that names a word of the offensive-word list waits for the
-- facilitator instead of reaching the projector or other phones. Per workshop, the filter is on
-- unless turned off, and the shipped list (src/main/resources/wordfilter) is adapted by words added
-- and shipped words removed (a company whose name holds one). Folded as word clouds fold (web.Words).
CREATE TABLE word_filter (
    workshop_id     BIGINT NOT NULL,
    enabled         BOOLEAN DEFAULT TRUE NOT NULL,
    CONSTRAINT pk_word_filter PRIMARY KEY (workshop_id),
    CONSTRAINT fk_word_filter_workshop FOREIGN KEY (workshop_id) REFERENCES workshop (id) ON DELETE CASCADE
);

CREATE TABLE word_filter_word (
    workshop_id     BIGINT NOT NULL,
    word            VARCHAR(80) NOT NULL,
    listed          VARCHAR(8) NOT NULL,
    CONSTRAINT pk_word_filter_word PRIMARY KEY (workshop_id, word),
    CONSTRAINT fk_word_filter_word_workshop FOREIGN KEY (workshop_id) REFERENCES workshop (id) ON DELETE CASCADE,
    CONSTRAINT ck_word_filter_word_listed CHECK (listed IN ('added', 'removed'))
);

-- A held answer waits: no screen but the console shows it until the facilitator approves it (held off)
-- or rejects it (held off, hidden on, as the console's own hide). A question waits as 'pending', the
-- status it has when questions need approval, so it needs no column of its own.
ALTER TABLE answer ADD COLUMN held BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE idea ADD COLUMN held BOOLEAN DEFAULT FALSE NOT NULL;

-- A name joined with that the filter caught: 'held' until the facilitator decides, 'rejected' after a no.
-- Either way every screen shows the person as a neutral placeholder ("Participant 12"), never the name.
ALTER TABLE participant ADD COLUMN name_held VARCHAR(8);
ALTER TABLE participant ADD CONSTRAINT ck_participant_name_held CHECK (name_held IS NULL OR name_held IN ('held', 'rejected'));
