-- A feed that answers with a permanent redirect moves to its new URL; the URLs it had before are kept so that
-- loading a feeds file that still lists an old URL updates the moved feed instead of creating a second one.
ALTER TABLE feeds ADD COLUMN moved_from text[] NOT NULL DEFAULT '{}';
CREATE INDEX feeds_moved_from ON feeds USING gin (moved_from);
