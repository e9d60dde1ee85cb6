-- When the room arrived at the current step, so the console can show the
-- time spent on it against the step's planned duration.
ALTER TABLE workshop ADD COLUMN step_started_at TIMESTAMP WITH TIME ZONE;
