-- A browser where a facilitator has logged in (OWASP's "device cookie"): only the SHA-256 of the
-- cookie's token is stored. Wrong passwords typed in it count here, not on the account, so a
-- stranger locking the account out does not lock out the browsers its owner really uses.
CREATE TABLE trusted_device (
    token_hash      VARCHAR(64) NOT NULL,
    facilitator_id  BIGINT NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    failed_logins   INT DEFAULT 0 NOT NULL,
    locked_until    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_trusted_device PRIMARY KEY (token_hash),
    CONSTRAINT fk_trusted_device_facilitator FOREIGN KEY (facilitator_id) REFERENCES facilitator (id) ON DELETE CASCADE
);
