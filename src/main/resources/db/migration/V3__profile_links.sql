-- The profile-linking exercise: one row per person, network and exercise step.
-- These rows are private to their person: screens, exports and reports only
-- ever read them as counts.
CREATE TABLE profile_answer (
    id              BIGINT AUTO_INCREMENT,
    step_id         BIGINT NOT NULL,
    participant_id  BIGINT NOT NULL,
    network         VARCHAR(40) NOT NULL,
    has_profile     VARCHAR(8) NOT NULL,
    ladder          INT,
    obstacles       VARCHAR(200) NOT NULL,
    obstacle_other  VARCHAR(80),
    helps           VARCHAR(200) NOT NULL,
    help_other      VARCHAR(80),
    -- Set only when the person chose to be named as a volunteer ambassador for this network.
    ambassador_name VARCHAR(40),
    client_seq      BIGINT NOT NULL,
    answered_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_profile_answer PRIMARY KEY (id),
    CONSTRAINT fk_profile_answer_step FOREIGN KEY (step_id) REFERENCES step (id) ON DELETE CASCADE,
    CONSTRAINT fk_profile_answer_participant FOREIGN KEY (participant_id) REFERENCES participant (id) ON DELETE CASCADE,
    CONSTRAINT uq_profile_answer UNIQUE (step_id, participant_id, network),
    CONSTRAINT ck_profile_answer_has CHECK (has_profile IN ('yes', 'no', 'private')),
    CONSTRAINT ck_profile_answer_ladder CHECK (ladder IS NULL OR ladder BETWEEN 0 AND 4)
);
