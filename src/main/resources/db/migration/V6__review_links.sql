-- Review links: how an owner reads a workshop's report without an account.
-- Only the SHA-256 of the token is kept, so a copy of the database opens no report.
CREATE TABLE review_link (
    id              BIGINT AUTO_INCREMENT,
    workshop_id     BIGINT NOT NULL,
    token_hash      VARCHAR(64) NOT NULL,
    reader          VARCHAR(80) NOT NULL,
    created_by      BIGINT NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at      TIMESTAMP WITH TIME ZONE,
    revoked_at      TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_review_link PRIMARY KEY (id),
    CONSTRAINT fk_review_link_workshop FOREIGN KEY (workshop_id) REFERENCES workshop (id) ON DELETE CASCADE,
    CONSTRAINT fk_review_link_facilitator FOREIGN KEY (created_by) REFERENCES facilitator (id) ON DELETE CASCADE,
    CONSTRAINT uq_review_link_token UNIQUE (token_hash)
);
