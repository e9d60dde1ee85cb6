-- Answering later: a closed workshop may take answers from those who were not there, until a moment the
-- facilitator chose (catch_up_until; NULL: no window). They join through a link of its own, which carries
-- catch_up_key: the join key stays the room's, so a QR code from the day opens nothing after the close.
ALTER TABLE workshop ADD COLUMN catch_up_until TIMESTAMP WITH TIME ZONE;
ALTER TABLE workshop ADD COLUMN catch_up_key VARCHAR(32);
-- Who joined through that link; they answer at their own pace, and the report counts them apart too.
ALTER TABLE participant ADD COLUMN late BOOLEAN DEFAULT FALSE NOT NULL;
