-- Conversation: questions from the room (any step), ideas on an ideas step,
-- and the commitments the facilitator makes from them.

-- Per workshop: whether a question waits for the facilitator before the room
-- sees it, and whether the projector shows the top questions.
CREATE TABLE question_setting (
    workshop_id     BIGINT NOT NULL,
    needs_approval  BOOLEAN DEFAULT FALSE NOT NULL,
    on_screen       BOOLEAN DEFAULT FALSE NOT NULL,
    CONSTRAINT pk_question_setting PRIMARY KEY (workshop_id),
    CONSTRAINT fk_question_setting_workshop FOREIGN KEY (workshop_id) REFERENCES workshop (id) ON DELETE CASCADE
);

-- author_name is set only when the person chose to ask under their name.
-- client_id is the phone's message id, so a resent question is recognised.
CREATE TABLE question (
    id              BIGINT AUTO_INCREMENT,
    workshop_id     BIGINT NOT NULL,
    participant_id  BIGINT NOT NULL,
    client_id       VARCHAR(64) NOT NULL,
    body            VARCHAR(280) NOT NULL,
    author_name     VARCHAR(40),
    status          VARCHAR(10) NOT NULL,
    answered        BOOLEAN DEFAULT FALSE NOT NULL,
    pinned          BOOLEAN DEFAULT FALSE NOT NULL,
    asked_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_question PRIMARY KEY (id),
    CONSTRAINT fk_question_workshop FOREIGN KEY (workshop_id) REFERENCES workshop (id) ON DELETE CASCADE,
    CONSTRAINT fk_question_participant FOREIGN KEY (participant_id) REFERENCES participant (id) ON DELETE CASCADE,
    CONSTRAINT uq_question_client UNIQUE (participant_id, client_id),
    CONSTRAINT ck_question_status CHECK (status IN ('pending', 'visible', 'hidden'))
);

CREATE TABLE question_upvote (
    question_id     BIGINT NOT NULL,
    participant_id  BIGINT NOT NULL,
    CONSTRAINT pk_question_upvote PRIMARY KEY (question_id, participant_id),
    CONSTRAINT fk_question_upvote_question FOREIGN KEY (question_id) REFERENCES question (id) ON DELETE CASCADE,
    CONSTRAINT fk_question_upvote_participant FOREIGN KEY (participant_id) REFERENCES participant (id) ON DELETE CASCADE
);

-- An idea merged into another keeps its text (for the report) and gives its votes to the other.
CREATE TABLE idea (
    id              BIGINT AUTO_INCREMENT,
    step_id         BIGINT NOT NULL,
    participant_id  BIGINT NOT NULL,
    client_id       VARCHAR(64) NOT NULL,
    body            VARCHAR(140) NOT NULL,
    hidden          BOOLEAN DEFAULT FALSE NOT NULL,
    merged_into     BIGINT,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_idea PRIMARY KEY (id),
    CONSTRAINT fk_idea_step FOREIGN KEY (step_id) REFERENCES step (id) ON DELETE CASCADE,
    CONSTRAINT fk_idea_participant FOREIGN KEY (participant_id) REFERENCES participant (id) ON DELETE CASCADE,
    CONSTRAINT fk_idea_merged_into FOREIGN KEY (merged_into) REFERENCES idea (id) ON DELETE CASCADE,
    CONSTRAINT uq_idea_client UNIQUE (participant_id, client_id)
);

CREATE TABLE idea_upvote (
    idea_id         BIGINT NOT NULL,
    participant_id  BIGINT NOT NULL,
    CONSTRAINT pk_idea_upvote PRIMARY KEY (idea_id, participant_id),
    CONSTRAINT fk_idea_upvote_idea FOREIGN KEY (idea_id) REFERENCES idea (id) ON DELETE CASCADE,
    CONSTRAINT fk_idea_upvote_participant FOREIGN KEY (participant_id) REFERENCES participant (id) ON DELETE CASCADE
);

-- responsible_role is free text until the RACI matrix settles the roles.
CREATE TABLE commitment (
    id              BIGINT AUTO_INCREMENT,
    workshop_id     BIGINT NOT NULL,
    idea_id         BIGINT,
    action          VARCHAR(200) NOT NULL,
    responsible_role VARCHAR(80) NOT NULL,
    due_on          DATE NOT NULL,
    status          VARCHAR(12) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_commitment PRIMARY KEY (id),
    CONSTRAINT fk_commitment_workshop FOREIGN KEY (workshop_id) REFERENCES workshop (id) ON DELETE CASCADE,
    CONSTRAINT fk_commitment_idea FOREIGN KEY (idea_id) REFERENCES idea (id) ON DELETE SET NULL,
    CONSTRAINT ck_commitment_status CHECK (status IN ('planned', 'in_progress', 'done', 'dropped'))
);

-- A volunteer is named on purpose: the room sees who took the commitment on.
CREATE TABLE commitment_volunteer (
    commitment_id   BIGINT NOT NULL,
    participant_id  BIGINT NOT NULL,
    display_name    VARCHAR(40) NOT NULL,
    CONSTRAINT pk_commitment_volunteer PRIMARY KEY (commitment_id, participant_id),
    CONSTRAINT fk_commitment_volunteer_commitment FOREIGN KEY (commitment_id) REFERENCES commitment (id) ON DELETE CASCADE,
    CONSTRAINT fk_commitment_volunteer_participant FOREIGN KEY (participant_id) REFERENCES participant (id) ON DELETE CASCADE
);
