-- Adaptive polling: remember each feed's observed posting rate (a 304 carries no items to measure it again)
-- and the HTTP status of its last poll (410 Gone, 429 Too Many Requests are scheduled differently).
ALTER TABLE feeds
    ADD COLUMN items_per_day    double precision CHECK (items_per_day >= 0),
    ADD COLUMN last_http_status integer;
