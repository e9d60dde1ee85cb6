-- A secret beside each join code, carried by the QR code and by the projector's address. Whoever holds it
-- is let in even while their network is turned away for guessing codes, and a draft is found only with it.
-- Workshops made before it get theirs when the server starts (WorkshopRepository.giveJoinKeys).
ALTER TABLE workshop ADD COLUMN join_key VARCHAR(32);
