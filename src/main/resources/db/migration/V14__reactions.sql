-- Reactions: how many of each a step drew, never who sent them. A phone's
-- reaction adds one to its step's row; nothing links a count to a person.
CREATE TABLE reaction_count (
    step_id   BIGINT NOT NULL,
    reaction  VARCHAR(16) NOT NULL,
    reactions INT NOT NULL,
    CONSTRAINT pk_reaction_count PRIMARY KEY (step_id, reaction),
    CONSTRAINT fk_reaction_count_step FOREIGN KEY (step_id) REFERENCES step (id) ON DELETE CASCADE
);

-- Per workshop: the reactions its phones offer, as keys separated by commas
-- (empty: none at all). No row: the default set.
CREATE TABLE reaction_setting (
    workshop_id BIGINT NOT NULL,
    offered     VARCHAR(200) NOT NULL,
    CONSTRAINT pk_reaction_setting PRIMARY KEY (workshop_id),
    CONSTRAINT fk_reaction_setting_workshop FOREIGN KEY (workshop_id) REFERENCES workshop (id) ON DELETE CASCADE
);
