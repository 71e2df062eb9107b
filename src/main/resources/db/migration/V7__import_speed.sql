-- Import speed (issue 3): a dwelling stores the hash of the source row it was last loaded from, so that
-- re-importing a file skips every unchanged row with one comparison instead of rewriting the row, its
-- owners and its links (updates of unchanged rows rewrite tuples and every index).
alter table housing add column if not exists source_hash uuid;
