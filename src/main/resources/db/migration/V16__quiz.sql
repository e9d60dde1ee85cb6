-- Quiz: each phone's one pick per question, with the points it earned: a right
-- option earns more the sooner after the question opened (elapsed_ms).
CREATE TABLE quiz_pick (
    step_id         BIGINT NOT NULL,
    participant_id  BIGINT NOT NULL,
    option_index    INT NOT NULL,
    points          INT NOT NULL,
    elapsed_ms      INT NOT NULL,
    client_seq      BIGINT NOT NULL,
    answered_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_quiz_pick PRIMARY KEY (step_id, participant_id),
    CONSTRAINT fk_quiz_pick_step FOREIGN KEY (step_id) REFERENCES step (id) ON DELETE CASCADE,
    CONSTRAINT fk_quiz_pick_participant FOREIGN KEY (participant_id) REFERENCES participant (id) ON DELETE CASCADE
);

-- The nickname a person shows on the leaderboard; NULL: they stay off it.
-- Someone with no row has not chosen yet, and is off the board too.
CREATE TABLE quiz_player (
    participant_id  BIGINT NOT NULL,
    workshop_id     BIGINT NOT NULL,
    nickname        VARCHAR(20),
    client_seq      BIGINT NOT NULL,
    CONSTRAINT pk_quiz_player PRIMARY KEY (participant_id),
    CONSTRAINT fk_quiz_player_participant FOREIGN KEY (participant_id) REFERENCES participant (id) ON DELETE CASCADE,
    CONSTRAINT fk_quiz_player_workshop FOREIGN KEY (workshop_id) REFERENCES workshop (id) ON DELETE CASCADE
);
