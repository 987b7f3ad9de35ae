-- The two pools of the seed; their money comes as CONTRIBUTION entries (the balance is always the entries' sum).
INSERT INTO fin_pool (code, name, claim_ratio, claim_cap) VALUES
 ('RISK', '风险补偿资金池', 0.5000, 5000000.00),
 ('GUARANTEE', '担保资金池', 0.8000, 10000000.00);
