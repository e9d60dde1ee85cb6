-- Who may bring people into the team. The account made with the setup link is the team's
-- administrator: it invites, withdraws any invitation, and gives others the right to invite
-- ('inviter') or takes it back ('member'). On a server that had accounts before, the oldest one
-- is the one setup made; the others become members, since until now anyone could invite.
ALTER TABLE facilitator ADD COLUMN team_role VARCHAR(20) DEFAULT 'member' NOT NULL;
ALTER TABLE facilitator ADD CONSTRAINT ck_facilitator_team_role
    CHECK (team_role IN ('administrator', 'inviter', 'member'));
UPDATE facilitator SET team_role = 'administrator' WHERE id = (SELECT MIN(id) FROM facilitator);

-- An invitation withdrawn before anyone used it: its link is then refused.
ALTER TABLE invitation ADD COLUMN revoked_at TIMESTAMP WITH TIME ZONE;
