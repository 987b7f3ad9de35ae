-- 调解员: the mediator role no longer reads every case of the town (case:view came with V3_0). A mediator sees the
-- disputes of their own organisation and those they are invited to, through the mediation module, which grants its
-- own permissions at start (docs/mediation.md). Out-of-order safe: on a database without the mediation module the
-- role simply loses a permission it should not have had.
DELETE FROM role_permission WHERE role_code = 'MEDIATOR' AND permission = 'case:view';
