package account

import (
	"context"
	"flag"
	"os"
)

type Account struct {
	Username string
	Password string
	Owner    bool
}

type Store struct{}

func (s *Store) CreateAccount(ctx context.Context, a Account) error { return nil }
func (s *Store) SaveUser(a *Account) error                          { return nil }
func (s *Store) List(a Account) []Account                           { return nil }

// Credentials is no account type: it has no username field.
type Credentials struct {
	Password string
}

func register(c Credentials) error { return nil }

// --- positives ---

// The first owner, created when the database is empty.
func ensureOwner(ctx context.Context, s *Store, n int) {
	if n == 0 {
		account := Account{
			Username: "shiori",
			Password: "gopher", // want `default account credentials \(user "shiori"\): an account created by CreateAccount with a fixed password`
			Owner:    true,
		}
		_ = s.CreateAccount(ctx, account)
	}
}

// The classic default word, passed by pointer.
func seedAdmin(s *Store) {
	_ = s.SaveUser(&Account{Username: "admin", Password: "admin"}) // want `default account credentials \(user "admin"\): an account created by SaveUser`
}

// No username literal, but the literal reaches a creating call.
func registerDefault() {
	_ = register(Credentials{Password: "letmein"}) // want `an account created by register with a fixed password`
}

// A username and a password in one literal, stored for later.
var defaultLogin = Account{Username: "operator", Password: "welcome"} // want `a username and a fixed password in one literal`

// A plugin's defaults for a local server, with the server's documented
// example account (telegraf's Tomcat input): a short password beside a
// fixed user name is a default account, whatever its digits.
type Tomcat struct {
	URL      string
	Username string
	Password string
}

var tomcatDefaults = Tomcat{URL: "http://127.0.0.1:8080/manager/status/all?XML=true", Username: "tomcat", Password: "s3cret"} // want `default account credentials \(user "tomcat"\): a username and a fixed password in one literal`

// Near misses: a generated password beside a user name, and a short one
// with no user name, stay secrets.
var (
	serviceLogin = Tomcat{Username: "svc-metrics", Password: "Xy7#kq2!LmP9vR"} // want `password in field Password is a string literal: Xy7#…\(14 chars\)$`
	noUser       = Tomcat{URL: "http://127.0.0.1:8080/", Password: "s3cret"}   // want `password in field Password is a string literal: …\(6 chars\)$`
)

// --- near misses ---

// silent: the password comes from the environment.
func ownerFromEnv(ctx context.Context, s *Store) {
	_ = s.CreateAccount(ctx, Account{Username: "shiori", Password: os.Getenv("SHIORI_PASSWORD")})
}

// silent: the password comes from a flag.
var initialPassword = flag.String("password", "", "initial owner password")

func ownerFromFlag(ctx context.Context, s *Store) {
	_ = s.CreateAccount(ctx, Account{Username: "shiori", Password: *initialPassword})
}

// silent: an empty password (an account that cannot log in with one).
func noPassword(ctx context.Context, s *Store) {
	_ = s.CreateAccount(ctx, Account{Username: "shiori", Password: ""})
}

// silent: a bcrypt hash is a verifier, not the password.
func hashed(ctx context.Context, s *Store) {
	_ = s.CreateAccount(ctx, Account{Username: "shiori", Password: "$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy"})
}

// silent: a placeholder.
func placeholder(ctx context.Context, s *Store) {
	_ = s.CreateAccount(ctx, Account{Username: "shiori", Password: "<password>"})
}

// silent: a filter, not a creating call, and no username literal.
func filter(s *Store) {
	_ = s.List(Account{Password: "gopher"})
}

// silent: not a creating call, and no username.
func check(c Credentials) bool {
	return c == Credentials{Password: "gopher"}
}

// silent: the variable says test data.
var testAccount = Account{Username: "tester", Password: "gopher"}
