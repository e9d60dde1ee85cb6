-- The limits on what people type are counted in characters a person counts (code points, see
-- web.TypedText); H2's VARCHAR(n) counts UTF-16 units, in which an emoji is two, so each column of
-- typed text holds twice its limit: 40 emoji in a 40-character name must not be the database's to
-- refuse. (PostgreSQL counts code points, so these widths hold there too.)
ALTER TABLE facilitator ALTER COLUMN name SET DATA TYPE VARCHAR(240);
ALTER TABLE invitation ALTER COLUMN note SET DATA TYPE VARCHAR(400);
ALTER TABLE workshop ALTER COLUMN title SET DATA TYPE VARCHAR(400);
ALTER TABLE workshop ALTER COLUMN company SET DATA TYPE VARCHAR(400);
ALTER TABLE participant ALTER COLUMN display_name SET DATA TYPE VARCHAR(80);
ALTER TABLE profile_answer ALTER COLUMN network SET DATA TYPE VARCHAR(80);
ALTER TABLE profile_answer ALTER COLUMN obstacle_other SET DATA TYPE VARCHAR(160);
ALTER TABLE profile_answer ALTER COLUMN help_other SET DATA TYPE VARCHAR(160);
ALTER TABLE profile_answer ALTER COLUMN ambassador_name SET DATA TYPE VARCHAR(80);
ALTER TABLE raci_role ALTER COLUMN name SET DATA TYPE VARCHAR(80);
ALTER TABLE raci_activity ALTER COLUMN name SET DATA TYPE VARCHAR(160);
ALTER TABLE raci_cell_change ALTER COLUMN facilitator_name SET DATA TYPE VARCHAR(240);
ALTER TABLE raci_settlement ALTER COLUMN reason SET DATA TYPE VARCHAR(600);
ALTER TABLE raci_settlement ALTER COLUMN facilitator_name SET DATA TYPE VARCHAR(240);
ALTER TABLE question ALTER COLUMN body SET DATA TYPE VARCHAR(560);
ALTER TABLE question ALTER COLUMN author_name SET DATA TYPE VARCHAR(80);
ALTER TABLE idea ALTER COLUMN body SET DATA TYPE VARCHAR(280);
ALTER TABLE commitment ALTER COLUMN action SET DATA TYPE VARCHAR(400);
ALTER TABLE commitment ALTER COLUMN responsible_role SET DATA TYPE VARCHAR(160);
ALTER TABLE commitment_volunteer ALTER COLUMN display_name SET DATA TYPE VARCHAR(80);
ALTER TABLE review_link ALTER COLUMN reader SET DATA TYPE VARCHAR(160);
ALTER TABLE own_template ALTER COLUMN title SET DATA TYPE VARCHAR(240);
