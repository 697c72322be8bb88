// Package sqlpass: a password written into SQL that creates or alters a
// database account is hard-coded. Bind parameters, stored hashes,
// placeholders, the account's own name and queries that only read a
// password column are not.
package sqlpass

import (
	"context"
	"database/sql"
	"fmt"
)

const createReporting = "CREATE ROLE reporting_ro LOGIN PASSWORD 'r3p0rt!ng-R0-2023'" // want `password set for database account reporting_ro in SQL text is a string literal`

func setup(ctx context.Context, db *sql.DB, pw string) error {
	if _, err := db.ExecContext(ctx, createReporting); err != nil {
		return err
	}
	if _, err := db.ExecContext(ctx, "CREATE USER 'etl'@'%' IDENTIFIED BY 'k8#Lp2!vQzT'"); err != nil { // want `password set for database account etl in SQL text is a string literal`
		return err
	}
	if _, err := db.ExecContext(ctx, "ALTER USER app WITH PASSWORD $1", pw); err != nil { // a bind parameter
		return err
	}
	if _, err := db.ExecContext(ctx, fmt.Sprintf("ALTER ROLE app PASSWORD '%s'", pw)); err != nil { // a format verb
		return err
	}
	if _, err := db.ExecContext(ctx, "CREATE ROLE app LOGIN PASSWORD 'changeme'"); err != nil { // a placeholder
		return err
	}
	if _, err := db.ExecContext(ctx, "ALTER ROLE app PASSWORD 'SCRAM-SHA-256$4096:c2FsdA==$c3RvcmVk:c2VydmVy'"); err != nil { // a stored verifier
		return err
	}
	_, err := db.ExecContext(ctx, "SELECT password FROM accounts WHERE name = 'reporting_ro'") // reads a column
	return err
}

// A migration held in a constant: the login's password is in the text.
const migration = /* want `password set for database account svc_reader in SQL text is a string literal` */ `
CREATE LOGIN svc_reader WITH PASSWORD = 'N0t-S0-S3cret!2024';
CREATE USER svc_reader FOR LOGIN svc_reader;
`
