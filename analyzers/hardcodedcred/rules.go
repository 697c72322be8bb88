package hardcodedcred

import "github.com/authvet/authvet/internal/finding"

// Rules is the metadata of every rule hardcodedcred reports. Every
// flagged line holds a secret, so all rules are Sensitive: the driver
// redacts their snippets.
var Rules = []finding.Rule{
	{
		ID:    "hardcodedcred/known-format",
		Short: "a string literal holds a credential in a known provider format",
		Full: "A string literal or constant holds a value in the format of a provider's credential " +
			"(AWS access key, GitHub or GitLab token, Slack token, Stripe secret key, Google API key, " +
			"OpenAI key, private key PEM block, JWT, …), recognised by the gitleaks default rule set. " +
			"Anyone who can read the source, its history or the binary can use the credential.",
		Help: "The value matches a provider-specific gitleaks rule (the rule id is in the message). " +
			"Revoke the credential, then read it from the environment or a secret manager.\n\n" +
			"**Bad**\n\n```go\nclient := github.NewClient(nil).WithAuthToken(\"ghp_…\")\n```\n\n" +
			"**Good**\n\n```go\nclient := github.NewClient(nil).WithAuthToken(os.Getenv(\"GITHUB_TOKEN\"))\n```\n\n" +
			"Left alone on purpose: documented example keys (`AKIAIOSFODNN7EXAMPLE`), placeholders " +
			"(`YOUR_API_KEY`, `xxxx`, `<token>`, `${TOKEN}`) and masks (`*** Masked Auth Secret ***`, `[REDACTED]`), generic high-entropy strings (see " +
			"`hardcodedcred/assignment`), generated files and `testdata/` packages. `_test.go` files " +
			"are analyzed only with `--include-tests`. A key held by a constant is reported once, at the " +
			"constant, not again in each constant expression built from it (`\"token \" + githubToken`).",
		Level:            finding.LevelError,
		CWE:              []string{"CWE-798"},
		SecuritySeverity: 9.0,
		Precision:        finding.PrecisionVeryHigh,
		Sensitive:        true,
	},
	{
		ID:    "hardcodedcred/sink",
		Short: "a string literal reaches a credential sink",
		Full: "A string literal, directly or through constants and variables, is used as a credential " +
			"by an API that takes one: an OAuth2 client secret, the password of SetBasicAuth or " +
			"url.UserPassword, an Authorization or API-key HTTP header, a credential URL query " +
			"parameter, a JWT signing or verification key, the password in a URL's userinfo or a database " +
			"connection string, or the password SQL text gives a database account " +
			"(`CREATE ROLE … PASSWORD '…'`, `IDENTIFIED BY '…'`). " +
			"Sinks are recognised by type, so a field merely named ClientSecret is not one.",
		Help: "The credential is compiled into the program. Read it from the environment or a secret " +
			"manager; `authvet lint --fix` rewrites the literal to `os.Getenv(\"NAME\")`.\n\n" +
			"**Bad**\n\n```go\ncfg := oauth2.Config{ClientID: \"my-app\", ClientSecret: \"GOCSPX-9kd…\"}\n" +
			"token.SignedString([]byte(\"s3cr3t-signing-key\"))\n```\n\n" +
			"**Good**\n\n```go\ncfg := oauth2.Config{ClientID: \"my-app\", ClientSecret: os.Getenv(\"CLIENT_SECRET\")}\n" +
			"token.SignedString([]byte(os.Getenv(\"JWT_SIGNING_KEY\")))\n```\n\n" +
			"Left alone on purpose: client IDs and usernames, the key of a key/secret pair (`AppKey` beside `AppSecret`, " +
			"`ConsumerKey` beside `ConsumerSecret`: the client's identifier; the secret is reported), placeholders (`changeme`, `<token>`, bracketed markers such as `(random)`, " +
			"`${TOKEN}`, `%s`), words that say there is no password (`nopass`, `anonymous`), environment-variable names, header names such as `X-API-Key`, " +
			"userinfo passwords in documentation style (`user:password@`), values read at run time, " +
			"SQL bind parameters and stored password hashes (`IDENTIFIED BY PASSWORD '*…'`, `'SCRAM-SHA-256$…'`), " +
			"and a format's magic bytes compared with the start of the input cut to their length (`subtle.ConstantTimeCompare(data[:len(TokenMagic)], []byte(TokenMagic))`). " +
			"No fix is offered for constants (os.Getenv is not a constant expression) or for " +
			"credentials embedded in a larger literal (URLs).",
		Level:            finding.LevelError,
		CWE:              []string{"CWE-798"},
		SecuritySeverity: 8.5,
		Precision:        finding.PrecisionHigh,
		Sensitive:        true,
	},
	{
		ID:    "hardcodedcred/assignment",
		Short: "a secret-looking string literal is stored under a credential name",
		Full: "A const, var, struct field, map entry, parameter, function result or comparison whose " +
			"name says it holds a credential (apiKey, clientSecret, accessToken, password, " +
			"privateKey, a password pepper, …) is given a string literal that looks like a secret: long enough, mixing " +
			"character classes, with enough entropy, and not a word, identifier, path, URL, hash or " +
			"placeholder. A struct field's default in its tag (`default:\"…\"`, `envDefault:\"…\"`, `env:\"NAME,default=…\"`) " +
			"counts as a value given to the field. A name whose last word is a bare `key` (`fallbackKey`, `upstreamKey`), " +
			"which says nothing alone, counts when the value is a secret key's prefix (`sk-`, `sk_`, `rk_`) before a random run.",
		Help: "A name is a hint, so the value must look like a secret too.\n\n" +
			"**Bad**\n\n```go\nconst stripeKey = \"rk_prod_51Hx…\"\nif apiKey == \"9f8e7d6c5b4a3f2e1d0c\" { … }\n```\n\n" +
			"**Good**\n\n```go\nvar stripeKey = os.Getenv(\"STRIPE_KEY\")\nif subtle.ConstantTimeCompare([]byte(apiKey), []byte(os.Getenv(\"API_KEY\"))) == 1 { … }\n```\n\n" +
			"Left alone on purpose: names about credentials that hold none (`tokenURL`, " +
			"`TokenEndpoint`, `secretName`, `KeyID`, `passwordField`, `apiKeyHeader = \"X-API-Key\"`), " +
			"environment-variable names (`API_TOKEN`), flag names and usage strings (a string flag's default value is judged as an assignment to the flag's name), struct tags, " +
			"words and identifiers (`password = \"password\"`, `\"OIDCClientSecret\"`), settings and lookup keys " +
			"that spell out their own name (`JWTSecretKey = \"JWTSecret\"`), the labels of a string enumeration " +
			"(a constant of a defined string type with two or more sibling constants, whose value is letters only: " +
			"`GenerateOAuthTokenForPassword Action = \"GenerateOAuthTokenForClient\"`), URLs and paths, bcrypt/argon2 " +
			"hashes (a verifier, not a credential), placeholders, and values under the entropy " +
			"threshold (`-min-entropy`, default 3.0 bits per character). Extra names: " +
			"`-secret-names`; extra placeholder patterns: `-placeholders`.",
		Level:            finding.LevelWarning,
		CWE:              []string{"CWE-798"},
		SecuritySeverity: 7.5,
		Precision:        finding.PrecisionMedium,
		Sensitive:        true,
	},
	{
		ID:    "hardcodedcred/default-account",
		Short: "an account is created with a fixed default password",
		Full: "A struct literal gives an account a fixed password: it is passed to an account-creating call " +
			"(CreateAccount, SaveUser, Register, EnsureAdmin, …), directly or through a local variable, or it sets " +
			"both a username-like field and a password field to string literals, or sets the password from a local variable that " +
			"falls back to a fixed literal when its setting is unset (`pw := os.Getenv(\"ADMIN_PASSWORD\"); if pw == \"\" { pw = \"admin\" }`) " +
			"and the account is then created (a creating call, or a Create method on it), or sets the password (or password-hash) field to the hash of a fixed " +
			"password made in the same function (`hash, _ := bcrypt.GenerateFromPassword([]byte(\"admin\"), cost)`; bcrypt, argon2, scrypt, pbkdf2), " +
			"reported at the password. The same holds for an account written " +
			"field by field (`u.Username = \"admin\"; u.Password = \"admin\"`, then saved, or on an account type), and for " +
			"literal arguments to a function that stores its password parameter in an account (`CreateUser(\"admin\", \"changeme\")`, " +
			"in this package or another), and for a default in a struct tag (`default:\"…\"`, `envDefault:\"…\"`, `env-default:\"…\"`) " +
			"of an account's password field (`AdminPassword`, `RootPassword`, or a password beside a user name default; " +
			"a database or mail client's password is the server's). Also reported here, whatever rule found them: a published emulator or " +
			"local-development default (Azurite's and the Cosmos DB emulator's well-known keys, MinIO's `minioadmin`, " +
			"DynamoDB Local's documented keys; alone or in a connection string), a value its provider publishes for anyone " +
			"to use (the key of MinIO's public playground, play.min.io) and a secret equal to its own key id or " +
			"user name (`NewStaticCredentials(\"key\", \"key\", \"\")`) or the words for both (`UserPassword(\"user\", \"pass\")`, a template): no one's secret, but the way into a " +
			"deployment that keeps it. Every installation that does not " +
			"change it has the same credentials (CWE-1392). Such passwords are short words, often documented and " +
			"meant to be changed, so this is a note, not a warning.",
		Help: "A default account is a known way in until someone changes its password.\n\n" +
			"**Bad**\n\n```go\nif len(accounts) == 0 {\n\tCreateAccount(ctx, Account{Username: \"shiori\", Password: \"gopher\", Owner: true})\n}\n```\n\n" +
			"**Good**\n\n```go\nif len(accounts) == 0 {\n\tpw := rand.Text() // print it once, or read it from the environment\n\tCreateAccount(ctx, Account{Username: \"shiori\", Password: pw, Owner: true, MustChangePassword: true})\n}\n```\n\n" +
			"Left alone on purpose: empty passwords, password hashes (bcrypt, argon2), templates and " +
			"environment-variable names, placeholders such as `<password>` or `xxxx` (but not the classic " +
			"default words admin, password, changeme, root), values read at run time (environment, flags, files), " +
			"`_test.go` files and literals whose type or variable says test data (`testAccount`), calls from functions named as test data (`seedFakeUsers`), " +
			"functions that take a password without storing it (`Login(user, pass)`), and a client configuration filled field by field (`DBConfig`: no account type, never saved). " +
			"A secret-looking password is reported by `hardcodedcred/assignment` instead.",
		Level:            finding.LevelNote,
		CWE:              []string{"CWE-798", "CWE-1392"},
		SecuritySeverity: 5.0,
		Precision:        finding.PrecisionMedium,
		Sensitive:        true,
	},
}
