-- Deleting a closed workshop deletes its steps, and with them their RACI roles;
-- proposals, cells and history that name a role must go with it, or the delete
-- fails on these keys (found by hardening: a workshop with RACI proposals could
-- not be deleted). The console still removes a role only when nothing refers
-- to it, so the cascade acts only when the whole step goes.
ALTER TABLE raci_proposal DROP CONSTRAINT fk_raci_proposal_accountable;
ALTER TABLE raci_proposal ADD CONSTRAINT fk_raci_proposal_accountable
    FOREIGN KEY (accountable_id) REFERENCES raci_role (id) ON DELETE CASCADE;

ALTER TABLE raci_proposal_responsible DROP CONSTRAINT fk_raci_responsible_role;
ALTER TABLE raci_proposal_responsible ADD CONSTRAINT fk_raci_responsible_role
    FOREIGN KEY (role_id) REFERENCES raci_role (id) ON DELETE CASCADE;

ALTER TABLE raci_cell DROP CONSTRAINT fk_raci_cell_role;
ALTER TABLE raci_cell ADD CONSTRAINT fk_raci_cell_role
    FOREIGN KEY (role_id) REFERENCES raci_role (id) ON DELETE CASCADE;

ALTER TABLE raci_cell_change DROP CONSTRAINT fk_raci_change_role;
ALTER TABLE raci_cell_change ADD CONSTRAINT fk_raci_change_role
    FOREIGN KEY (role_id) REFERENCES raci_role (id) ON DELETE CASCADE;
