-- The citizen portal 群众门户 acts as this account (role CITIZEN): requests submitted in the portal
-- are its own reports, so it may follow and rate exactly those, after the portal has checked the
-- case code and the last four digits of the citizen's phone. The password hash matches no password:
-- nobody can sign in as it.
INSERT INTO app_user (username, display_name, password_hash, scope_region_id, department_id, enabled,
                      failed_attempts, created_at, updated_at)
VALUES ('citizen-portal', '群众门户', '{bcrypt}no-password-sign-in-is-impossible', NULL, NULL, TRUE, 0,
        CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);
INSERT INTO user_role (user_id, role_code)
SELECT id, 'CITIZEN' FROM app_user WHERE username = 'citizen-portal';
