-- Every vote a phone sends carries its seq, as answers do, and the newest wins: a vote taken back stays
-- as a row with the flag off, so a late older "up" (or a retry of one) is known for what it is and
-- acknowledged as a duplicate instead of undoing the newer vote. Counts read only the rows that are on.
ALTER TABLE idea_upvote ADD COLUMN up BOOLEAN DEFAULT TRUE NOT NULL;
ALTER TABLE idea_upvote ADD COLUMN client_seq BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE question_upvote ADD COLUMN up BOOLEAN DEFAULT TRUE NOT NULL;
ALTER TABLE question_upvote ADD COLUMN client_seq BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE commitment_volunteer ADD COLUMN volunteering BOOLEAN DEFAULT TRUE NOT NULL;
ALTER TABLE commitment_volunteer ADD COLUMN client_seq BIGINT DEFAULT 0 NOT NULL;
