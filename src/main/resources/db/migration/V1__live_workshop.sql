-- Facilitators log in; everyone else is anonymous.
CREATE TABLE facilitator (
    id              BIGINT AUTO_INCREMENT,
    name            VARCHAR(120) NOT NULL,
    email           VARCHAR(254) NOT NULL,
    password_hash   VARCHAR(100) NOT NULL,
    failed_logins   INT DEFAULT 0 NOT NULL,
    locked_until    TIMESTAMP WITH TIME ZONE,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_facilitator PRIMARY KEY (id),
    CONSTRAINT uq_facilitator_email UNIQUE (email)
);

-- Only the SHA-256 of a session or invitation token is stored, so a copy of
-- the database does not hand out logins.
CREATE TABLE login_session (
    token_hash      VARCHAR(64) NOT NULL,
    facilitator_id  BIGINT NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_login_session PRIMARY KEY (token_hash),
    CONSTRAINT fk_login_session_facilitator FOREIGN KEY (facilitator_id) REFERENCES facilitator (id) ON DELETE CASCADE
);

CREATE TABLE invitation (
    token_hash      VARCHAR(64) NOT NULL,
    invited_by      BIGINT NOT NULL,
    note            VARCHAR(200),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at         TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_invitation PRIMARY KEY (token_hash),
    CONSTRAINT fk_invitation_facilitator FOREIGN KEY (invited_by) REFERENCES facilitator (id) ON DELETE CASCADE
);

CREATE TABLE workshop (
    id              BIGINT AUTO_INCREMENT,
    code            VARCHAR(12) NOT NULL,
    title           VARCHAR(200) NOT NULL,
    company         VARCHAR(200) NOT NULL,
    template_id     VARCHAR(80) NOT NULL,
    language        VARCHAR(8) NOT NULL,
    state           VARCHAR(10) NOT NULL,
    current_step    INT DEFAULT 0 NOT NULL,
    joining_locked  BOOLEAN DEFAULT FALSE NOT NULL,
    owner_id        BIGINT NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at      TIMESTAMP WITH TIME ZONE,
    closed_at       TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_workshop PRIMARY KEY (id),
    CONSTRAINT fk_workshop_owner FOREIGN KEY (owner_id) REFERENCES facilitator (id),
    CONSTRAINT ck_workshop_state CHECK (state IN ('draft', 'live', 'closed'))
);
CREATE INDEX ix_workshop_code ON workshop (code);

-- A workshop's own copy of its template's steps: editing a template later
-- never rewrites a workshop that already ran.
CREATE TABLE step (
    id              BIGINT AUTO_INCREMENT,
    workshop_id     BIGINT NOT NULL,
    position        INT NOT NULL,
    step_key        VARCHAR(80) NOT NULL,
    kind            VARCHAR(20) NOT NULL,
    title           VARCHAR(300) NOT NULL,
    spec_json       CLOB NOT NULL,
    notes           CLOB,
    duration_seconds INT DEFAULT 0 NOT NULL,
    poll_state      VARCHAR(10) DEFAULT 'pending' NOT NULL,
    revealed        BOOLEAN DEFAULT FALSE NOT NULL,
    timer_ends_at   TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_step PRIMARY KEY (id),
    CONSTRAINT fk_step_workshop FOREIGN KEY (workshop_id) REFERENCES workshop (id) ON DELETE CASCADE,
    CONSTRAINT uq_step_position UNIQUE (workshop_id, position),
    CONSTRAINT ck_step_poll_state CHECK (poll_state IN ('pending', 'open', 'closed'))
);

CREATE TABLE participant (
    id              BIGINT AUTO_INCREMENT,
    workshop_id     BIGINT NOT NULL,
    token_hash      VARCHAR(64) NOT NULL,
    display_name    VARCHAR(40),
    joined_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_participant PRIMARY KEY (id),
    CONSTRAINT fk_participant_workshop FOREIGN KEY (workshop_id) REFERENCES workshop (id) ON DELETE CASCADE,
    CONSTRAINT uq_participant_token UNIQUE (token_hash)
);

-- One answer per person per poll; a changed answer replaces the old one.
-- client_seq orders a phone's own messages so a late retry never
-- overwrites a newer answer.
CREATE TABLE answer (
    id              BIGINT AUTO_INCREMENT,
    step_id         BIGINT NOT NULL,
    participant_id  BIGINT NOT NULL,
    value_json      VARCHAR(4000) NOT NULL,
    client_seq      BIGINT NOT NULL,
    hidden          BOOLEAN DEFAULT FALSE NOT NULL,
    answered_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_answer PRIMARY KEY (id),
    CONSTRAINT fk_answer_step FOREIGN KEY (step_id) REFERENCES step (id) ON DELETE CASCADE,
    CONSTRAINT fk_answer_participant FOREIGN KEY (participant_id) REFERENCES participant (id) ON DELETE CASCADE,
    CONSTRAINT uq_answer_step_participant UNIQUE (step_id, participant_id)
);
