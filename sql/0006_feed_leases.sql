-- Feeds are claimed before they are polled, like articles: several NewsPulse processes on one database never
-- poll the same feed at once, and a crashed process's claim simply expires.
ALTER TABLE feeds ADD COLUMN lease_until timestamptz;
