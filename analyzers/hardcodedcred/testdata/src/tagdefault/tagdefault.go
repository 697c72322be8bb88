// Package tagdefault gives configuration fields defaults in struct tags.
package tagdefault

// SeedConfig is the account created on first start.
type SeedConfig struct {
	AdminEmail    string `mapstructure:"adminEmail" default:"admin@example.com"`
	AdminPassword string `mapstructure:"adminPassword" default:"Admin123!!"` // want `default account credentials: the default of field AdminPassword`
	AdminName     string `default:"Admin"`
}

// Bootstrap has an account password by its name alone.
type Bootstrap struct {
	RootPassword string `envDefault:"changeme"` // want `default account credentials: the default of field RootPassword`
}

// Login pairs a user name default with a password default.
type Login struct {
	Username string `env-default:"operator"`
	Password string `env-default:"operator"` // want `default account credentials: the default of field Password`
}

// Near miss: a database client's password is the database's.
type Database struct {
	PostgresUsername string `default:"app"`
	PostgresPassword string `default:"app"`
}

// Near misses: placeholders, empty defaults, no account.
type Other struct {
	AdminPassword   string `default:"<set-me>"`
	OwnerPassword   string `default:""`
	PasswordMinLen  int    `default:"8"`
	SessionPassword string `default:"s3cr3t-word"`
}
