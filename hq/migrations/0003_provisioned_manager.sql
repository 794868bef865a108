-- The hall manager a registration code provisions on a blank counter: staff number, name
-- and the PIN as scrypt salt + hash (never the PIN itself). The hash is erased when the
-- code is used: the counter keeps it from then on.
ALTER TABLE registration_code
  ADD COLUMN manager_staff_no text,
  ADD COLUMN manager_name     text,
  ADD COLUMN manager_pin_salt bytea,
  ADD COLUMN manager_pin_hash bytea,
  ADD CONSTRAINT registration_code_manager_whole CHECK (
    (manager_staff_no IS NULL) = (manager_name IS NULL)
    AND (manager_pin_salt IS NULL) = (manager_pin_hash IS NULL)
    AND (manager_pin_hash IS NULL OR manager_staff_no IS NOT NULL)
  );
