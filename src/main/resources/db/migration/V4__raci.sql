-- The role-responsibility (RACI) matrix of a RACI step. Roles and activities
-- get their own rows (seeded from the step's template copy the first time the
-- step is used) so that a rename never changes what a proposal or a cell means.
-- Every reference cascades so that deleting a closed workshop removes all of it;
-- a role or activity still in use is never removed: RaciLayout checks that first.
CREATE TABLE raci_role (
    id              BIGINT AUTO_INCREMENT,
    step_id         BIGINT NOT NULL,
    position        INT NOT NULL,
    name            VARCHAR(40) NOT NULL,
    CONSTRAINT pk_raci_role PRIMARY KEY (id),
    CONSTRAINT fk_raci_role_step FOREIGN KEY (step_id) REFERENCES step (id) ON DELETE CASCADE,
    CONSTRAINT uq_raci_role_name UNIQUE (step_id, name)
);

CREATE TABLE raci_activity (
    id              BIGINT AUTO_INCREMENT,
    step_id         BIGINT NOT NULL,
    position        INT NOT NULL,
    name            VARCHAR(80) NOT NULL,
    -- Phones propose only for the activities the facilitator has opened.
    is_open         BOOLEAN DEFAULT FALSE NOT NULL,
    CONSTRAINT pk_raci_activity PRIMARY KEY (id),
    CONSTRAINT fk_raci_activity_step FOREIGN KEY (step_id) REFERENCES step (id) ON DELETE CASCADE,
    CONSTRAINT uq_raci_activity_name UNIQUE (step_id, name)
);

-- One proposal per person and activity: who should answer for it (A) and who
-- should do it (R). A role that a proposal names cannot be removed (no cascade).
CREATE TABLE raci_proposal (
    id              BIGINT AUTO_INCREMENT,
    activity_id     BIGINT NOT NULL,
    participant_id  BIGINT NOT NULL,
    accountable_id  BIGINT,
    client_seq      BIGINT NOT NULL,
    proposed_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_raci_proposal PRIMARY KEY (id),
    CONSTRAINT fk_raci_proposal_activity FOREIGN KEY (activity_id) REFERENCES raci_activity (id) ON DELETE CASCADE,
    CONSTRAINT fk_raci_proposal_participant FOREIGN KEY (participant_id) REFERENCES participant (id) ON DELETE CASCADE,
    CONSTRAINT fk_raci_proposal_accountable FOREIGN KEY (accountable_id) REFERENCES raci_role (id) ON DELETE CASCADE,
    CONSTRAINT uq_raci_proposal UNIQUE (activity_id, participant_id)
);

CREATE TABLE raci_proposal_responsible (
    proposal_id     BIGINT NOT NULL,
    role_id         BIGINT NOT NULL,
    CONSTRAINT pk_raci_proposal_responsible PRIMARY KEY (proposal_id, role_id),
    CONSTRAINT fk_raci_responsible_proposal FOREIGN KEY (proposal_id) REFERENCES raci_proposal (id) ON DELETE CASCADE,
    CONSTRAINT fk_raci_responsible_role FOREIGN KEY (role_id) REFERENCES raci_role (id) ON DELETE CASCADE
);

-- The settled matrix, one row per cell ever set. An empty cell keeps its row
-- (letter NULL) so that its version keeps counting: two facilitators editing
-- the same cell compare versions, and the second one is told, not overwritten.
CREATE TABLE raci_cell (
    activity_id     BIGINT NOT NULL,
    role_id         BIGINT NOT NULL,
    letter          CHAR(1),
    version         INT NOT NULL,
    CONSTRAINT pk_raci_cell PRIMARY KEY (activity_id, role_id),
    CONSTRAINT fk_raci_cell_activity FOREIGN KEY (activity_id) REFERENCES raci_activity (id) ON DELETE CASCADE,
    CONSTRAINT fk_raci_cell_role FOREIGN KEY (role_id) REFERENCES raci_role (id) ON DELETE CASCADE,
    CONSTRAINT ck_raci_cell_letter CHECK (letter IS NULL OR letter IN ('R', 'A', 'C', 'I')),
    CONSTRAINT ck_raci_cell_version CHECK (version > 0)
);

-- Every change of a cell, with who made it and when; an undo is a change too.
CREATE TABLE raci_cell_change (
    id              BIGINT AUTO_INCREMENT,
    activity_id     BIGINT NOT NULL,
    role_id         BIGINT NOT NULL,
    old_letter      CHAR(1),
    new_letter      CHAR(1),
    version         INT NOT NULL,
    change_kind     VARCHAR(10) NOT NULL,
    undoes_id       BIGINT,
    facilitator_id  BIGINT,
    facilitator_name VARCHAR(120) NOT NULL,
    changed_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_raci_cell_change PRIMARY KEY (id),
    CONSTRAINT fk_raci_change_activity FOREIGN KEY (activity_id) REFERENCES raci_activity (id) ON DELETE CASCADE,
    CONSTRAINT fk_raci_change_role FOREIGN KEY (role_id) REFERENCES raci_role (id) ON DELETE CASCADE,
    CONSTRAINT fk_raci_change_undoes FOREIGN KEY (undoes_id) REFERENCES raci_cell_change (id) ON DELETE CASCADE,
    CONSTRAINT fk_raci_change_facilitator FOREIGN KEY (facilitator_id) REFERENCES facilitator (id) ON DELETE SET NULL,
    CONSTRAINT ck_raci_change_kind CHECK (change_kind IN ('set', 'majority', 'undo'))
);

-- Settling and reopening the matrix; the newest row is where it stands. A
-- matrix settled with failing checks keeps the reason and the checks it failed.
CREATE TABLE raci_settlement (
    id              BIGINT AUTO_INCREMENT,
    step_id         BIGINT NOT NULL,
    settled         BOOLEAN NOT NULL,
    reason          VARCHAR(300),
    failing_checks  VARCHAR(2000),
    facilitator_id  BIGINT,
    facilitator_name VARCHAR(120) NOT NULL,
    decided_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_raci_settlement PRIMARY KEY (id),
    CONSTRAINT fk_raci_settlement_step FOREIGN KEY (step_id) REFERENCES step (id) ON DELETE CASCADE,
    CONSTRAINT fk_raci_settlement_facilitator FOREIGN KEY (facilitator_id) REFERENCES facilitator (id) ON DELETE SET NULL
);
