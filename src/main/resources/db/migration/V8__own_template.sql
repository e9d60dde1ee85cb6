-- Templates facilitators saved from a workshop or uploaded, offered to every facilitator of this server
-- beside the shipped ones (which stay files, read-only). Each is kept as its file in the content format,
-- so it is read by the same rules as `workshop-content/` every time it is used.
CREATE TABLE own_template (
    id              BIGINT AUTO_INCREMENT,
    language        VARCHAR(8) NOT NULL,
    title           VARCHAR(200) NOT NULL,
    content         CLOB NOT NULL,
    created_by      BIGINT,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_own_template PRIMARY KEY (id),
    CONSTRAINT fk_own_template_facilitator FOREIGN KEY (created_by) REFERENCES facilitator (id) ON DELETE SET NULL
);
