// Package hardcodedcred defines an Analyzer that reports credentials
// written into Go source.
//
// # Analyzer hardcodedcred
//
// hardcodedcred: report credentials written into Go source
//
// A credential pasted into source is the most common API-key leak. The
// analyzer uses types and the known formats of provider keys rather than
// variable names alone, and reports at the string literal (following
// values through constants, also in other files, package-level and local
// variables, conversions such as []byte("…") and concatenations):
//
//   - hardcodedcred/known-format: a string literal or constant holds a key
//     in a provider's format (AWS, GitHub, GitLab, Slack, Stripe, Google,
//     OpenAI, private key PEM blocks, JWTs, …), as classified by the
//     provider-specific rules of gitleaks' default config (generated into
//     analyzers/internal/keyformats, so that the analyzer does not link
//     gitleaks; each rule is compiled once per process, at first use).
//   - hardcodedcred/sink: a literal reaches an API that takes a
//     credential, recognised by its types.Object: oauth2.Config and
//     clientcredentials.Config ClientSecret, oauth2.Token,
//     (*http.Request).SetBasicAuth, http.Header Set/Add and map literals
//     for Authorization and API-key headers, url.Values credential
//     parameters, JWT keys of the libraries of the shared JWT table
//     (analyzers/internal/jwtlib: golang-jwt SignedString and SigningMethod
//     Sign/Verify, key funcs, jwx WithKey, cristalhq and kataras keys), jwtauth.New,
//     echo and gin-jwt signing keys, url.UserPassword, smtp.PlainAuth,
//     ssh.Password, static AWS credentials, hmac.New (unless the MAC is
//     then fed a secret: the constant is a key-derivation label,
//     kdflabel.go) and aes.NewCipher
//     keys, gorilla/gin session and CSRF keys, grpc metadata
//     authorization, and user:password@, ?api_key= and database DSN
//     passwords in string literals.
//   - hardcodedcred/assignment: a const, var, field, map entry, parameter
//     (named by the callee's signature, or by the constant key before it
//     as in os.Setenv("API_TOKEN", "…")), function result or comparison
//     whose name says credential (shared list: analyzers/internal/credname)
//     holds a literal that looks like a secret (length, character classes,
//     entropy; see value.go for the thresholds).
//   - hardcodedcred/default-account (note, CWE-1392): a struct literal
//     gives an account a fixed password: it reaches an account-creating
//     call (CreateAccount, SaveUser, Register, EnsureAdmin…: a callee
//     whose name starts with a creating verb, given the literal or the
//     local variable holding it), or it sets both a username-like field
//     and a password field to literals (shiori's first owner, Username:
//     "shiori", Password: "gopher"). The password is typically a short
//     documented word meant to be changed, which the assignment rule
//     rightly leaves alone; the note says so. Empty passwords, hashes,
//     placeholders (but not the classic default words admin, password,
//     changeme, root), run-time values, _test.go files and test-named
//     types and variables are left alone (account.go). Any candidate
//     whose value is a published emulator or local-development default
//     (internal/pubexample.DevDefault: Azurite's account key, MinIO's
//     minioadmin, alone or in a connection string), or a sink's secret
//     equal to its own key id or user name (NewStaticCredentials("key",
//     "key", "")), is reported under this rule too (hardcodedcred.go).
//
// Bad:
//
//	cfg := &oauth2.Config{ClientID: "web", ClientSecret: "GOCSPX-1a2B3c…"}
//
// Good:
//
//	cfg := &oauth2.Config{ClientID: "web", ClientSecret: os.Getenv("CLIENT_SECRET")}
//
// The suggested fix replaces the literal with os.Getenv("NAME"), NAME
// derived from the variable or field (clientSecret → CLIENT_SECRET), and
// imports "os". Constants get no fix: os.Getenv is not a constant
// expression, and turning the const into a var could break its uses.
//
// Left alone on purpose: placeholders and examples (changeme,
// YOUR_API_KEY, <token>, (random), xxxx, ***, example, test, dummy,
// AKIAIOSFODNN7EXAMPLE, ${VAR}, {{ .Token }}, %s), empty strings, values
// read at run time (environment, files, flags), environment-variable and
// header names, names about credentials that hold none (tokenURL,
// secretName, KeyID), struct tags, words and identifiers (also with a
// leading acronym, "JWTPublicSecret"), values that spell out the name
// they are stored under (JWTSecretKey = "JWTSecret", OAuth2TokenKey =
// "oauth2_token": a settings or lookup key), words-only identifiers under
// names ending in Key, Name, Field or Param, URLs and paths,
// regular expressions, validation rules ("required,min=8"), fragments of a
// concatenation with a run-time part ("sk-" + gen()), password hashes
// (bcrypt/argon2: verifiers, not credentials), values stored under names
// or passed to functions that say they are test data (invalidToken,
// GenerateSampleSecret), generated files, and packages under testdata/ or
// that support tests (testutil, mocks, fakes, httptest-style "…test"
// packages). Test files are analyzed only when the driver loads them
// (--include-tests).
//
// Flags: -secret-names (extra credential words), -placeholders (extra
// regular expressions for placeholder values), -min-entropy (bits per
// character required of non-password values stored under credential
// names; default 3.0).
package hardcodedcred
