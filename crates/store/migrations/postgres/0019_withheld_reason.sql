-- The reason of the withheld part of a 部分公开 reply (an outcome code of the 不予公开
-- rows: state_secret, third_party…), which the reply letter states (条例第三十七条).
ALTER TABLE disclosure_requests ADD COLUMN withheld_reason TEXT;
