-- Postbox users: connections created with a user name and password are authenticated against this table.
-- Passwords are stored as salted PBKDF2 hashes ("pbkdf2-sha256$iterations$salt$hash", Base64).
CREATE TABLE pb_user (
    name          VARCHAR(255) PRIMARY KEY,
    password_hash VARCHAR(512) NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
