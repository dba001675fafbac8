-- Handling of disclosure requests beyond the clock: the unit a request is assigned
-- (交办) or transferred (转办) to, fee notices with their amount (信息处理费, whole 元)
-- and payment, internal notes and the delivery of the reply.

ALTER TABLE disclosure_requests ADD COLUMN handling_org_id BIGINT REFERENCES orgs(id);
ALTER TABLE request_events ADD COLUMN org_id BIGINT REFERENCES orgs(id);
ALTER TABLE request_events ADD COLUMN amount BIGINT;
