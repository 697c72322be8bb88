package hardcodedcred

import "testing"

func TestSQLPassword(t *testing.T) {
	for _, c := range []struct {
		sql, account, pass string
		ok                 bool
	}{
		{"CREATE ROLE reporting_ro LOGIN PASSWORD 'r3p0rt!ng-R0-2023'", "reporting_ro", "r3p0rt!ng-R0-2023", true},
		{"ALTER USER app WITH ENCRYPTED PASSWORD 'Zx9#kLm2Qw'", "app", "Zx9#kLm2Qw", true},
		{"CREATE LOGIN svc WITH PASSWORD = 'N0t-S0-S3cret!'", "svc", "N0t-S0-S3cret!", true},
		{"CREATE USER 'etl'@'%' IDENTIFIED BY 'k8#Lp2!vQz'", "etl", "k8#Lp2!vQz", true},
		{"CREATE USER IF NOT EXISTS 'etl'@'%' IDENTIFIED WITH mysql_native_password BY 'k8#Lp2!vQz'", "etl", "k8#Lp2!vQz", true},
		{"create user scott identified by Tiger_2024x", "scott", "Tiger_2024x", true},
		{"SET PASSWORD FOR 'bob'@'localhost' = 'Qm4$zP9wR'", "bob", "Qm4$zP9wR", true},
		{"ALTER ROLE app PASSWORD 'it''s-a-Secr3t'", "app", "it's-a-Secr3t", true},
		// Hashes, bind parameters and statements without a password.
		{"CREATE USER 'etl'@'%' IDENTIFIED BY PASSWORD '*6C8989366EAF75BB670AD8EA7A7FC1176A95CEF4'", "", "", false},
		{"ALTER ROLE app PASSWORD 'md5f1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6'", "", "", false},
		{"ALTER ROLE app PASSWORD 'SCRAM-SHA-256$4096:abc$def:ghi'", "", "", false},
		{"ALTER USER app WITH PASSWORD $1", "", "", false},
		{"CREATE ROLE readonly NOLOGIN", "", "", false},
		{"SELECT password FROM users WHERE name = 'bob'", "", "", false},
		{"UPDATE users SET password = 'x' WHERE id = 1", "", "", false},
	} {
		account, pass, ok := sqlPassword(c.sql)
		if ok != c.ok || ok && (account != c.account || pass != c.pass) {
			t.Errorf("sqlPassword(%q) = %q, %q, %v; want %q, %q, %v", c.sql, account, pass, ok, c.account, c.pass, c.ok)
		}
	}
}
