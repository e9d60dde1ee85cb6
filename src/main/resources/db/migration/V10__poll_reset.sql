-- When the facilitator last reset a poll during the session (its answers deleted, phones asked to answer
-- again), so every screen and the report can say so.
ALTER TABLE step ADD COLUMN reset_at TIMESTAMP WITH TIME ZONE;
